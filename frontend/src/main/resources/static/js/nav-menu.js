// The header's menu button on narrow screens: it shows and hides the navigation and says which in
// aria-expanded. Escape closes the open menu and returns to the button. Without scripts the button is not shown
// and the navigation is simply listed (app.css: @media (scripting: enabled)).

const button = document.getElementById('nav-toggle');
const nav = button && document.getElementById(button.getAttribute('aria-controls'));

function show(open) {
  button.setAttribute('aria-expanded', String(open));
  nav.classList.toggle('open', open);
}

if (button && nav) {
  button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      show(false);
      button.focus();
    }
  });
}
