// Link previews. A link with aria-describedby naming a popover (written at build time)
// shows it on hover, after a short wait, and on keyboard focus; leaving, blur and Escape
// hide it. Touch taps follow the link. Without the popover API the links stay plain links.
(function () {
  "use strict";
  if (!HTMLElement.prototype.showPopover) return;
  var open = null, link = null, timer = 0;

  function tip(a) {
    var id = a && a.getAttribute && a.getAttribute("aria-describedby");
    var p = id && document.getElementById(id);
    return p && p.hasAttribute("popover") ? p : null;
  }
  function linkOf(t) {
    var a = t && t.closest ? t.closest("a[aria-describedby]") : null;
    return tip(a) ? a : null;
  }
  function later(f, ms) {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  }
  function hide() {
    clearTimeout(timer);
    if (open && open.matches(":popover-open")) open.hidePopover();
    open = link = null;
  }
  function show(a) {
    var p = tip(a);
    if (!p) return;
    if (open !== p) hide();
    if (!p.matches(":popover-open")) p.showPopover();
    open = p;
    link = a;
    // Below the link, or above it when there is no room below; inside the window.
    var r = a.getBoundingClientRect(), w = p.offsetWidth, h = p.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var x = Math.max(8, Math.min(r.left, vw - w - 8));
    var y = r.bottom + 6;
    if (y + h > vh - 8 && r.top - h - 6 > 8) y = r.top - h - 6;
    p.style.left = x + "px";
    p.style.top = y + "px";
  }

  document.addEventListener("pointerover", function (e) {
    if (e.pointerType === "touch") return;
    var a = linkOf(e.target);
    if (a) {
      if (a === link) clearTimeout(timer);
      else later(function () { show(a); }, 300);
    } else if (open && open.contains(e.target)) {
      clearTimeout(timer); // reading the preview keeps it
    }
  });
  document.addEventListener("pointerout", function (e) {
    var to = e.relatedTarget;
    if (e.pointerType === "touch") return;
    if (linkOf(e.target) || (open && open.contains(e.target))) {
      if (to && (to === link || (link && link.contains(to)) || (open && open.contains(to)))) return;
      later(hide, 200);
    }
  });
  document.addEventListener("focusin", function (e) {
    var a = linkOf(e.target);
    // Keyboard focus only: a click or tap focuses the link it follows.
    if (a && a.matches(":focus-visible")) show(a);
  });
  document.addEventListener("focusout", function (e) {
    if (e.target === link) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && open) hide();
  });
  window.addEventListener("scroll", function () { if (open) hide(); }, { passive: true });
})();
