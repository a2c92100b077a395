// Beranda composer: progressive enhancement of the writing page. The page works without this
// file (one form, everything saved on submit); with it, the draft saves itself every few seconds
// and when a step is left, photos upload at once with progress and retries, and the caption
// counters follow each keystroke. Texts come from the page (the form's data-texts, from the i18n
// catalogue) or the server's JSON answers, so this file holds no user-facing wording of its own.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.FormData) return;

  var AUTOSAVE_MS = 4000;
  var MAX_TRIES = 3;
  var status = document.getElementById('save-status');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var storeKey = 'beranda-draf-' + form.getAttribute('data-draft');
  var timer = null;
  var inFlight = false;
  var pending = false;
  var uploading = 0;
  var touched = {};

  // The status shows at the top (announced to screen readers) and again above the buttons.
  var echoes = Array.prototype.slice.call(form.querySelectorAll('[data-save-status]'));
  // Catalogue strings from the form's data-texts, with {name} placeholders filled in.
  var texts = {};
  try {
    texts = JSON.parse(form.getAttribute('data-texts') || '{}');
  } catch (e) {
    texts = {};
  }
  function msg(key, params) {
    return String(texts[key] || key).replace(/\{(\w+)\}/g, function (m, k) {
      return params && k in params ? String(params[k]) : m;
    });
  }

  function say(text, cls) {
    [status].concat(echoes).forEach(function (el) {
      if (!el) return;
      el.textContent = text;
      el.className = 'save-status' + (cls ? ' ' + cls : '');
    });
  }

  function fields() {
    var data = new FormData(form);
    var out = new URLSearchParams();
    data.forEach(function (value, key) {
      if (typeof value === 'string' && key !== 'action') out.append(key, value);
    });
    return out;
  }

  // A copy on the phone first: if the signal is gone or the tab closes, nothing typed is lost.
  function keepLocal(params) {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ at: Date.now(), fields: params.toString() }));
    } catch (e) {
      /* storage full or disabled: the server copy is still tried */
    }
  }
  function dropLocal() {
    try {
      localStorage.removeItem(storeKey);
    } catch (e) {}
  }

  function save(step) {
    if (timer) clearTimeout(timer);
    timer = null;
    if (inFlight) {
      pending = true;
      return Promise.resolve();
    }
    var params = fields();
    if (step) params.set('step', step);
    keepLocal(params);
    inFlight = true;
    say(msg('saving'));
    return fetch(form.getAttribute('data-autosave'), {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
      credentials: 'same-origin',
    })
      .then(function (res) {
        return res.json().then(function (json) {
          return { res: res, json: json };
        });
      })
      .then(function (r) {
        if (!r.json.ok) {
          say(r.json.message, 'offline');
          return;
        }
        dropLocal();
        form.setAttribute('data-revision', String(r.json.revision));
        var rev = form.querySelector('input[name="revision"]');
        if (rev) rev.value = String(r.json.revision);
        say(r.json.message);
        updatePreviews(r.json.previews || [], r.json.title);
      })
      .catch(function () {
        say(msg('offline'), 'offline');
      })
      .then(function () {
        inFlight = false;
        if (pending) {
          pending = false;
          schedule();
        }
      });
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      save();
    }, AUTOSAVE_MS);
  }

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
    if (el.type !== 'file') schedule();
  });
  form.addEventListener('change', function (e) {
    if (e.target.type === 'file') upload(e.target);
    else schedule();
  });
  // Leaving a step saves at once (step = the fieldset's name), so a reload returns there.
  form.addEventListener('focusout', function (e) {
    var from = e.target.closest && e.target.closest('fieldset[data-step]');
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('fieldset[data-step]');
    if (from && from !== to) save(from.getAttribute('data-step'));
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState !== 'hidden') return;
    var params = fields();
    keepLocal(params);
    if (navigator.sendBeacon) {
      navigator.sendBeacon(form.getAttribute('data-autosave'), new Blob([params.toString()], { type: 'application/x-www-form-urlencoded' }));
    }
  });
  window.addEventListener('online', function () {
    save();
  });
  form.addEventListener('submit', function (e) {
    if (uploading > 0) {
      e.preventDefault();
      say(msg('wait_upload'), 'offline');
      return;
    }
    keepLocal(fields());
  });

  // Restore what was typed but never reached the server (closed tab, dead signal).
  (function restore() {
    var saved;
    try {
      saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
    } catch (e) {
      saved = null;
    }
    if (!saved || !saved.fields) return;
    var params = new URLSearchParams(saved.fields);
    var changed = false;
    ['title', 'body', 'hashtags'].forEach(function (name) {
      var el = form.querySelector('[name="' + name + '"]');
      var v = params.get(name);
      if (el && v !== null && el.value !== v) {
        el.value = v;
        changed = true;
      }
    });
    if (changed) {
      say(msg('restored'));
      save();
    } else {
      dropLocal();
    }
  })();

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
            var rev = form.querySelector('input[name="revision"]');
            if (rev) rev.value = String(json.revision);
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
