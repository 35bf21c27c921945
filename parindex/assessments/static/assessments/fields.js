// The self-assessment page renders one field's leaves; the others load when opened (htmx).
// A link to a leaf (#n<position>) of a closed field opens that field, then scrolls to the leaf.
(function () {
  "use strict";

  function land() {
    var id = window.location.hash.slice(1);
    if (!/^n\d+$/.test(id) || document.getElementById(id)) return; // shown: the browser scrolled
    var position = Number(id.slice(1));
    var fields = document.querySelectorAll("details.field:not([open])");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      var first = Number(field.id.slice(1));
      if (position > first && position <= Number(field.dataset.last)) {
        field.addEventListener("htmx:afterSettle", function () {
          var leaf = document.getElementById(id);
          if (leaf) leaf.scrollIntoView();
        }, { once: true });
        field.open = true; // its toggle loads the leaves
        return;
      }
    }
  }

  document.addEventListener("DOMContentLoaded", land);
  window.addEventListener("hashchange", land);
})();
