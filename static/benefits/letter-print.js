// "Imprimer": with JavaScript the page prints itself (static/portal/print.css keeps only the letter).
// Without this file the "Imprimer" link leads to the print view, which says how to print.
(function () {
  "use strict";
  document.querySelectorAll("button[data-portal-print]").forEach(function (button) {
    button.hidden = false;
  });
  // Delegated: a letter shown by htmx once it is ready brings its own link.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-portal-print]")) {
      event.preventDefault();
      window.print();
    }
  });
})();
