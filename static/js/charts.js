/* parindex charts: draws every <canvas data-chart="ID"> with Chart.js (static/vendor/chartjs)
   from the configuration in <script type="application/json" id="ID"> (Django's json_script).
   No data lives in this file; every chart's figures are also in an HTML table on the page. */
(function () {
  "use strict";

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (canvas.dataset.drawn || !source || typeof window.Chart === "undefined") {
      return;
    }
    canvas.dataset.drawn = "1";
    new window.Chart(canvas, JSON.parse(source.textContent));
  }

  function drawAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  // Tables and charts swapped in by htmx (filters, sorting) are drawn as they arrive.
  document.addEventListener("htmx:afterSwap", function (event) { drawAll(event.target); });
})();
