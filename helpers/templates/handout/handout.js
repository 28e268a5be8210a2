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
