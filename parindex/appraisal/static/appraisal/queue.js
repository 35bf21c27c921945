// Keyboard flow in the appraisal queue: after a row is saved (Enter), focus moves to the first
// field of the next row; after a refusal, to the reason of the same row.
document.addEventListener("htmx:afterSwap", function (event) {
  var row = event.detail.elt;
  if (!row || !row.classList || !row.classList.contains("qrow")) return;
  var fresh = document.getElementById(row.id) || row;
  var target;
  if (fresh.classList.contains("saved")) {
    var next = fresh.nextElementSibling;
    while (next && !next.classList.contains("qrow")) next = next.nextElementSibling;
    target = next && next.querySelector(".decide input:not([type=hidden]), .decide select");
  } else {
    target = fresh.querySelector("input[name=reason]");
  }
  if (target) target.focus();
});
