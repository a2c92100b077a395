// Beranda composer, the caption previews: each platform's preview follows what the server
// answers after a save (composer.js announces it with a "beranda:saved" event on the form), and a
// caption edited by hand counts its characters as it is typed, then stops following the
// generated text. Loaded after composer.js (its texts: window.BerandaComposer.msg). Holds no
// user-facing wording of its own.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  var C = window.BerandaComposer;
  if (!form || !C) return;

  var msg = C.msg;
  // Platforms whose caption the person edited on this page.
  var touched = {};

  function updatePreviews(previews, title) {
    form.querySelectorAll('[data-title]').forEach(function (el) {
      if (title) el.textContent = title;
    });
    previews.forEach(function (p) {
      var box = form.querySelector('[data-preview="' + p.platform + '"]');
      if (!box) return;
      var frame = box.querySelector('[data-frame]');
      if (frame && p.image) {
        var img = frame.querySelector('img');
        if (!img) {
          frame.innerHTML = '';
          img = document.createElement('img');
          img.alt = '';
          frame.appendChild(img);
        }
        if (img.getAttribute('src') !== p.image) img.setAttribute('src', p.image);
      }
      var text = box.querySelector('[data-caption]');
      var area = box.querySelector('textarea[name="caption:' + p.platform + '"]');
      var auto = box.querySelector('input[name="caption_auto:' + p.platform + '"]');
      // Keep following the generated text until the user edits this platform's caption.
      if (area && !touched[p.platform] && !p.edited) {
        area.value = p.auto;
        if (auto) auto.value = p.auto;
      }
      if (text) text.textContent = area && touched[p.platform] ? area.value : p.text;
      var count = box.querySelector('[data-count]');
      if (count && !(area && touched[p.platform])) {
        count.textContent = p.count;
        count.className = p.over ? 'count over' : 'count';
      }
    });
  }

  form.addEventListener('beranda:saved', function (e) {
    updatePreviews(e.detail.previews || [], e.detail.title);
  });

  // Live character count for captions edited by hand (same counting as the server: UTF-16 units).
  form.addEventListener('input', function (e) {
    var el = e.target;
    if (el.matches && el.matches('textarea[data-count-max]')) {
      var platform = el.name.split(':')[1];
      touched[platform] = true;
      var max = Number(el.getAttribute('data-count-max'));
      var counter = document.getElementById(el.getAttribute('data-counter'));
      var len = el.value.length;
      if (counter) {
        counter.textContent = msg(len > max ? 'count_over' : 'count', { len: len, max: max });
        counter.className = len > max ? 'count over' : 'count';
      }
      var box = el.closest('[data-preview]');
      var text = box && box.querySelector('[data-caption]');
      if (text) text.textContent = el.value;
    }
  });
})();
