// Progressive enhancement only: every page works without this file.
"use strict";

function focusStatement(ref) {
  document.querySelectorAll(".hl.active").forEach((el) => el.classList.remove("active"));
  if (!ref) return;
  document.querySelectorAll("#text .hl.statement").forEach((el) => {
    if (el.dataset.refs.split(" ").includes(ref)) el.classList.add("active");
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("a.jump").forEach((a) => {
    a.addEventListener("mouseenter", () => focusStatement(a.dataset.ref));
    a.addEventListener("click", () => focusStatement(a.dataset.ref));
  });
  const text = document.getElementById("text");
  if (text) {
    if (location.hash) focusStatement(decodeURIComponent(location.hash.slice(1)));
    text.addEventListener("click", (event) => {
      const piece = event.target.closest(".hl.statement");
      focusStatement(piece ? piece.dataset.refs.split(" ")[0] : null);
    });
  }
  const toggle = document.getElementById("toggle-entities");
  if (toggle && text) {
    toggle.addEventListener("change", () => text.classList.toggle("no-entities", !toggle.checked));
  }
});
