// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // After an htmx swap, move focus to the swapped region's heading when it asks for it,
  // so keyboard and screen-reader users land on the new content.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    // An outerHTML swap replaces the target itself: look for its successor by id.
    if (target && !target.isConnected && target.id) {
      target = document.getElementById(target.id);
    }
    var focus = target && target.querySelector("[data-focus-after-swap]");
    if (focus) {
      focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
  });
})();
