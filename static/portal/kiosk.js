// Kiosk PCs only: warn an idle visitor before the session ends, and let them go on with "Continuer".
// Without this file the page's <noscript> refresh and the server's own expiry end the visit anyway.
(function () {
  "use strict";
  var band = document.getElementById("kiosque");
  var alertBox = document.getElementById("kiosque-alerte");
  var button = document.getElementById("kiosque-continuer");
  if (!band || !alertBox || !button) {
    return;
  }
  var idle = parseInt(band.dataset.kioskIdle, 10) * 1000;
  var warning = parseInt(band.dataset.kioskWarning, 10) * 1000;
  var csrf = band.querySelector("input[name=csrfmiddlewaretoken]");
  var warnTimer = null;
  var endTimer = null;
  var lastPing = Date.now();

  function endVisit() {
    window.location.assign(band.dataset.kioskTimeout);
  }

  function arm() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(warn, idle - warning);
    // A little before the server's limit, so the server never expires a visitor still warned.
    endTimer = window.setTimeout(endVisit, idle - 1000);
  }

  function warn() {
    alertBox.hidden = false;
    button.focus();
  }

  function ping() {
    lastPing = Date.now();
    var body = new FormData();
    if (csrf) {
      body.append("csrfmiddlewaretoken", csrf.value);
    }
    return fetch(band.dataset.kioskKeepalive, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          endVisit();
        }
      });
  }

  button.addEventListener("click", function () {
    alertBox.hidden = true;
    ping();
    arm();
  });

  // Typing or clicking is activity too; the server hears of it at most once every 30 seconds.
  ["keydown", "click", "input"].forEach(function (name) {
    document.addEventListener(name, function () {
      if (!alertBox.hidden) {
        return;
      }
      arm();
      if (Date.now() - lastPing > 30000) {
        ping();
      }
    });
  });
  arm();
})();
