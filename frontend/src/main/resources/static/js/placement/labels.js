// The labels the placement page rendered in the reader's language (hidden list #placement-labels).

const labels = {};
document.querySelectorAll('#placement-labels [data-key]').forEach((item) => {
  labels[item.dataset.key] = item.textContent;
});

/** The label of a key with {0}, {1}… replaced by the arguments. */
export function t(key, ...args) {
  let text = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key;
  args.forEach((arg, i) => {
    text = text.split(`{${i}}`).join(String(arg));
  });
  return text;
}
