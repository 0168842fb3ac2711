// Quick exit of the aide universelle d'urgence pages ("Exit this page", as GOV.UK does it).
// The button works without JavaScript (a plain link). With JavaScript, the button or Shift pressed
// three times within two seconds blanks the page at once and replaces it, and its history entry,
// with the neutral site: the Back button does not come back here.
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 2000;
  var button = document.querySelector("[data-quick-exit]");
  if (!button) {
    return;
  }
  var target = button.getAttribute("href");
  // The Shift ×3 hint is hidden in the HTML: it shows only where this script runs to honour it.
  var hint = document.getElementById("quitter-aide");
  if (hint) {
    hint.hidden = false;
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.title = "";
    document.body.classList.add("portal-quick-exit--leaving");
    document.body.replaceChildren();
    window.location.replace(target);
  }

  button.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (at) {
      return now - at < WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= PRESSES) {
      leave();
    }
  });
})();
