// Progressive enhancement of the draft pages; everything works without this file.
(function () {
  "use strict";
  var WARN_BEFORE_SECONDS = 5 * 60;

  // Warn five minutes before the session ends (the server-rendered notice already gives the time).
  var notice = document.getElementById("expiration");
  var region = document.getElementById("expiration-alerte");
  var model = document.getElementById("expiration-modele");
  if (notice && region && model) {
    var seconds = parseInt(notice.getAttribute("data-session-seconds"), 10);
    if (seconds > WARN_BEFORE_SECONDS) {
      window.setTimeout(function () {
        region.appendChild(model.content.cloneNode(true));
      }, (seconds - WARN_BEFORE_SECONDS) * 1000);
    }
  }

  // An autosave answered by the login page means the session has expired: go to the login page
  // (which brings the person back here) instead of pasting it into the form (DS#6356).
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var asked = event.detail.requestConfig && event.detail.requestConfig.path;
    if (xhr && xhr.responseURL && asked && xhr.responseURL.indexOf(asked) === -1) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL);
    }
  });

  // An autosave replaces each amount's error region out of band (includes/field_messages.html): the
  // field that the region describes follows it (aria-invalid, DSFR's error classes), as a full render
  // would draw it.
  document.addEventListener("htmx:afterSettle", function () {
    var fields = document.querySelectorAll("main form [aria-describedby$='-messages']");
    Array.prototype.forEach.call(fields, function (field) {
      var id = field.getAttribute("aria-describedby");
      var region = document.getElementById(id);
      if (!region) {
        return;
      }
      var invalid = region.querySelector(".fr-message--error") !== null;
      if (invalid) {
        field.setAttribute("aria-invalid", "true");
      } else {
        field.removeAttribute("aria-invalid");
      }
      var group = field.closest(".fr-input-group");
      if (group) {
        group.classList.toggle("fr-input-group--error", invalid);
      }
      Array.prototype.forEach.call(document.querySelectorAll("fieldset[aria-labelledby~='" + id + "']"), function (set) {
        set.classList.toggle("fr-fieldset--error", invalid);
      });
    });
  });
})();
