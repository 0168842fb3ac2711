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
    // A form sent back refused (the result's "et si…") lands on its first field in error.
    var focus =
      target &&
      (target.querySelector("[data-focus-after-swap]") || target.querySelector("[aria-invalid=true]"));
    if (focus) {
      // A heading needs tabindex to take focus; a field must keep its place in the tab order.
      if (!focus.matches("input, select, textarea, button")) {
        focus.setAttribute("tabindex", "-1");
      }
      focus.focus();
    }
  });
})();
