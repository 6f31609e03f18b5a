// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// GOV.UK Frontend marks a radio that reveals more questions with aria-expanded, which ARIA
// does not allow on radios (axe: aria-allowed-attr; alphagov/govuk-frontend#979). The
// revealed questions follow their radio and keep aria-controls, so the attribute is dropped
// each time GOV.UK Frontend sets it: at start, on a click (arrow keys click too), on pageshow.
const dropExpandedFromRadios = () => {
  for (const radio of document.querySelectorAll('input[type="radio"][aria-expanded]'))
    radio.removeAttribute('aria-expanded');
};
dropExpandedFromRadios();
document.addEventListener('click', dropExpandedFromRadios);
globalThis.addEventListener('pageshow', dropExpandedFromRadios);

// GOV.UK Frontend's error summary focuses the element its link names. For a date that is the
// group of day, month and year boxes, which cannot take focus, so its first box in error does.
document.addEventListener('click', (event) => {
  const link = event.target?.closest?.('.govuk-error-summary a[href^="#"]');
  const group = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!group?.classList.contains('govuk-date-input')) return;
  const box = group.querySelector('.govuk-input--error') ?? group.querySelector('input');
  box?.focus({ preventScroll: true });
});
