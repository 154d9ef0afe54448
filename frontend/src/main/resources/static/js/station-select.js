// A police-station picker narrowed by the precinct picker of the same form: <select data-narrow-by="precinct">
// whose options carry data-precinct. The server renders the narrowed list; this keeps it narrowed as the precinct changes.
for (const stations of document.querySelectorAll('select[data-narrow-by]')) {
  const precinct = stations.form && stations.form.elements.namedItem(stations.dataset.narrowBy);
  if (!precinct) {
    continue;
  }
  const all = [...stations.options].filter((o) => o.dataset.precinct);
  const narrow = () => {
    const chosen = precinct.value;
    for (const option of all) {
      const fits = !chosen || option.dataset.precinct === chosen;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) {
        stations.value = '';
      }
    }
  };
  precinct.addEventListener('change', narrow);
  narrow();
}
