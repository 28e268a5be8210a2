// Switch an explorer's precomputed view when one of its <select> controls changes. No network, no library.
document.querySelectorAll("figure.explorer").forEach(function (box) {
  var selects = box.querySelectorAll("select[data-control]");
  var views = box.querySelectorAll(".explorer-view");
  function update() {
    var key = Array.prototype.map.call(selects, function (s) { return s.value; }).join("|");
    views.forEach(function (v) { v.hidden = v.getAttribute("data-key") !== key; });
  }
  selects.forEach(function (s) { s.addEventListener("change", update); });
});

// A wide table or output scrolls sideways: make it reachable from the keyboard (focusable, named region).
document.querySelectorAll(".jp-OutputArea-output, .jp-RenderedHTMLCommon, pre, table").forEach(function (el) {
  if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", "wide output: scroll sideways");
  }
});
