// Draws every chart on the page from the figure JSON the server embedded
// (see templates/gnv_portal/_chart.html); the same figure the PDF uses.
(function () {
  function draw(element) {
    var source = document.getElementById(element.dataset.figure);
    if (!source || !window.Plotly) { return; }
    var figure = JSON.parse(source.textContent);
    var layout = Object.assign({}, figure.layout);
    if (layout.width) {
      // A width set for print (the PDF) is a maximum on screen: a phone gets a narrower chart.
      element.style.maxWidth = layout.width + "px";
      delete layout.width;
      layout.autosize = true;
    }
    window.Plotly.react(element, figure.data, layout, {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d"],
    });
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-figure]").forEach(draw);
  }
  window.gnvCharts = { drawAll: drawAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  } else {
    drawAll();
  }
})();
