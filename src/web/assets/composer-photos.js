// Beranda composer, photos and the text toolbar: photos upload at once, one at a time, with
// progress and retries; the toolbar adds plain marks (**bold**, "- " lists, [links](…)). Uses
// what composer.js shares (window.BerandaComposer: texts, saving, the page's revision), so it is
// loaded after it. Holds no user-facing wording of its own.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  var C = window.BerandaComposer;
  if (!form || !C) return;

  var MAX_TRIES = 3;
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var msg = C.msg;
  var schedule = C.schedule;
  var uploading = 0;

  form.addEventListener('change', function (e) {
    if (e.target.type === 'file') upload(e.target);
  });
  // A photo still on its way would be missing from what "Terbitkan" sends.
  form.addEventListener('submit', function (e) {
    if (uploading > 0) {
      e.preventDefault();
      e.stopImmediatePropagation();
      C.say(msg('wait_upload'), 'offline');
    }
  });

  // ---- toolbar: bold, list, link as plain marks (never HTML) ----
  var toolbar = form.querySelector('[data-toolbar]');
  if (toolbar) {
    toolbar.hidden = false;
    var area = document.getElementById(toolbar.getAttribute('data-toolbar'));
    toolbar.addEventListener('click', function (e) {
      var btn = e.target.closest('button[data-mark]');
      if (!btn || !area) return;
      var s = area.selectionStart;
      var en = area.selectionEnd;
      var sel = area.value.slice(s, en);
      var mark = btn.getAttribute('data-mark');
      var insert = sel;
      if (mark === 'bold') insert = '**' + (sel || 'teks tebal') + '**';
      if (mark === 'list') insert = (s > 0 && area.value[s - 1] !== '\n' ? '\n' : '') + (sel || 'isi daftar').split('\n').map(function (l) { return '- ' + l; }).join('\n');
      if (mark === 'link') {
        var url = window.prompt(btn.getAttribute('data-prompt') || 'https://', 'https://');
        if (!url || !/^https?:\/\/\S+$/.test(url)) return;
        insert = '[' + (sel || url) + '](' + url + ')';
      }
      area.setRangeText(insert, s, en, 'end');
      area.focus();
      schedule();
    });
  }

  // ---- photos: one at a time, raw body, progress, retries with back-off ----
  var list = document.getElementById('photos');
  var progress = document.getElementById('upload-progress');

  function upload(input) {
    var files = Array.prototype.slice.call(input.files || []);
    progress.querySelectorAll('.item.done').forEach(function (el) {
      el.remove();
    });
    input.value = '';
    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () {
        return sendWithRetry(file);
      });
    });
  }

  function sendWithRetry(file) {
    uploading++;
    var row = document.createElement('div');
    row.className = 'item';
    var label = document.createElement('span');
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    row.appendChild(label);
    row.appendChild(bar);
    progress.appendChild(row);
    label.textContent = msg('uploading', { name: file.name, pct: 0 });

    function attempt(n) {
      return send(file, function (pct) {
        bar.value = pct;
        label.textContent = msg('uploading', { name: file.name, pct: pct });
      }).then(
        function (json) {
          if (json.ok) {
            if (!list.querySelector('[data-media="' + json.mediaId + '"]')) list.insertAdjacentHTML('beforeend', json.html);
            C.setRevision(json.revision);
            row.innerHTML = '';
            row.className = 'item done';
            var done = document.createElement('span');
            done.textContent = json.message;
            row.appendChild(done);
            // Invite the photo's description — but never pull the cursor out of a field the
            // person is typing in (a second photo often arrives while the first is described).
            var alt = list.querySelector('[data-media="' + json.mediaId + '"] input[type="text"]');
            var active = document.activeElement;
            var busy = active && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && active.type === 'text'));
            if (alt && !alt.value && !busy) alt.focus();
            schedule();
            return;
          }
          if (json.retry && n < MAX_TRIES) return retryLater(n);
          fail(json.message);
        },
        function () {
          if (n < MAX_TRIES) return retryLater(n);
          fail(msg('upload_failed', { name: file.name }));
        },
      );
    }
    function retryLater(n) {
      label.textContent = msg('retrying', { n: n + 1, max: MAX_TRIES });
      return new Promise(function (r) {
        setTimeout(r, 1500 * Math.pow(2, n - 1));
      }).then(function () {
        return attempt(n + 1);
      });
    }
    function fail(message) {
      row.innerHTML = '';
      var p = document.createElement('p');
      p.className = 'failed';
      p.setAttribute('role', 'alert');
      p.textContent = message;
      row.appendChild(p);
      var again = document.createElement('button');
      again.type = 'button';
      again.className = 'secondary';
      again.textContent = msg('retry');
      again.addEventListener('click', function () {
        row.remove();
        sendWithRetry(file);
      });
      row.appendChild(again);
    }
    return attempt(1).then(
      function () {
        uploading--;
      },
      function () {
        uploading--;
      },
    );
  }

  function send(file, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('data-upload'));
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.setRequestHeader('X-Editor-Session', C.session);
      xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.timeout = 120000;
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.onload = function () {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = reject;
      xhr.ontimeout = reject;
      xhr.send(file);
    });
  }
})();
