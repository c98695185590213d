// Makes the emergency box stand out as soon as someone answers "ja" to "Is er direct gevaar?".
// Without JavaScript the box is shown anyway; this only adds emphasis.
(function () {
  "use strict";
  var box = document.querySelector("[data-meldpunt-nood]");
  if (!box) { return; }
  var note = box.querySelector("[data-meldpunt-nood-ja]");
  var radios = document.querySelectorAll('input[name="urgent"]');
  function update() {
    var yes = document.querySelector('input[name="urgent"]:checked');
    var urgent = Boolean(yes && yes.value === "ja");
    box.classList.toggle("alert-danger", urgent);
    box.classList.toggle("meldpunt-nood", !urgent);
    if (note) { note.hidden = !urgent; }
  }
  for (var i = 0; i < radios.length; i++) {
    radios[i].addEventListener("change", update);
  }
})();
