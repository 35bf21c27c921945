// Keyboard flow in the appraisal queue: after a row is saved (Enter), focus moves to the first
// field of the next row; after a refusal, to the reason of the same row. `htmx:load` fires on
// the row that replaced the saved one (the old row is detached, its events never reach here).
document.addEventListener("htmx:load", function (event) {
  var row = event.detail.elt;
  if (!row || !row.classList || !row.classList.contains("qrow")) return;
  var target;
  if (row.classList.contains("saved")) {
    var next = row.nextElementSibling;
    while (next && !(next.classList && next.classList.contains("qrow"))) next = next.nextElementSibling;
    target = next && next.querySelector(".decide input:not([type=hidden]), .decide select");
  } else {
    target = row.querySelector("input[name=reason]");
  }
  if (target) target.focus();
});
