// Beranda composer: progressive enhancement of the writing page. The page works without this
// file (one form, everything saved on submit); with it, the draft saves itself every few seconds
// and when a step is left (the caption previews and counters: composer-captions.js; photos and the
// text toolbar: composer-photos.js; both loaded after this file, in that order). Texts come from the page (the form's data-texts, from the i18n
// catalogue) or the server's JSON answers, so this file holds no user-facing wording of its own.
//
// Nothing a person wrote is overwritten silently (#14 point 1). The page knows the revision it
// last saved or loaded and the text it held then ("confirmed"); the copy kept on the phone carries
// that base. When the page comes back (reopened, or back on screen), the newer side wins: only
// this phone typed since → its copy is sent; only the server changed → the page shows the server's;
// both changed → the person sees both and chooses, and the server keeps the other one aside.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.FormData) return;

  var AUTOSAVE_MS = 4000;
  var status = document.getElementById('save-status');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var session = (form.querySelector('input[name="editor"]') || {}).value || '';
  var storeKey = 'beranda-draf-' + form.getAttribute('data-draft');
  var clashBox = document.getElementById('clash');
  var timer = null;
  var inFlight = false;
  var pending = false;
  var paused = false;

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

  // ---- versions: what a person wrote, compared field by field ----
  function isWritten(name) {
    return name === 'title' || name === 'body' || name === 'hashtags' || name.indexOf('alt:') === 0 || name.indexOf('caption:') === 0;
  }
  // The written text of a set of fields; a caption equal to the generated one counts as empty.
  function written(params) {
    var out = {};
    params.forEach(function (value, key) {
      if (!isWritten(key)) return;
      var v = value;
      if (key.indexOf('caption:') === 0 && norm(v) === norm(params.get('caption_auto:' + key.slice(8)) || '')) v = '';
      out[key] = v;
    });
    return out;
  }
  function norm(v) {
    return String(v || '').replace(/\r\n?/g, '\n').trim();
  }
  // Fields whose text differs (a photo only one side has is not a difference: photos are added).
  function differing(a, b) {
    var out = [];
    Object.keys(a).forEach(function (k) {
      if (k in b && norm(a[k]) !== norm(b[k])) out.push(k);
      else if (!(k in b) && (k === 'title' || k === 'body' || k === 'hashtags') && norm(a[k]) !== '') out.push(k);
    });
    return out;
  }
  var confirmed = { revision: Number(form.getAttribute('data-revision')), written: written(fields()) };
  function confirm(revision, params) {
    confirmed = { revision: Number(revision), written: params ? written(params) : confirmed.written };
    form.setAttribute('data-revision', String(revision));
    var rev = form.querySelector('input[name="revision"]');
    if (rev) rev.value = String(revision);
  }
  function dirty() {
    return differing(written(fields()), confirmed.written).length > 0;
  }

  // A copy on the phone first: if the signal is gone or the tab closes, nothing typed is lost.
  // It carries its base (the revision and text last confirmed by the server) to be judged later.
  function keepLocal(params) {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ at: Date.now(), fields: params.toString(), base: confirmed }));
    } catch (e) {
      /* storage full or disabled: the server copy is still tried */
    }
  }
  function dropLocal() {
    try {
      localStorage.removeItem(storeKey);
    } catch (e) {}
  }

  function post(params, keepalive) {
    return fetch(form.getAttribute('data-autosave'), {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
      credentials: 'same-origin',
      keepalive: !!keepalive,
    }).then(function (res) {
      return res.json();
    });
  }

  function save(step, keepalive) {
    if (timer) clearTimeout(timer);
    timer = null;
    if (paused) return Promise.resolve();
    if (inFlight) {
      pending = true;
      return Promise.resolve();
    }
    var params = fields();
    if (step) params.set('step', step);
    keepLocal(params);
    inFlight = true;
    say(msg('saving'));
    var wasDirty = dirty();
    return post(params, keepalive)
      .then(function (json) {
        if (json.conflict) {
          // Someone else saved other text meanwhile. Nothing typed here since our last save:
          // theirs is simply newer. Otherwise both changed: the person chooses.
          if (!wasDirty && !dirty()) return takeTheirs(json.conflict);
          return showClash(params, json.conflict);
        }
        if (!json.ok) {
          say(json.message, 'offline');
          return;
        }
        dropLocal();
        confirm(json.revision, params);
        say(json.message);
        // The caption previews follow what the server answered (composer-captions.js).
        form.dispatchEvent(new CustomEvent('beranda:saved', { detail: json }));
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
    if (paused) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      save();
    }, AUTOSAVE_MS);
  }

  function setValues(values) {
    Object.keys(values).forEach(function (name) {
      var el = form.querySelector('[name="' + name + '"]');
      if (!el || el.type === 'hidden') return;
      // An empty caption means "the generated one": leave the generated text in place.
      if (name.indexOf('caption:') === 0 && !values[name]) return;
      el.value = values[name];
    });
  }

  // The stored version is newer and nothing here would be lost: show it.
  function takeTheirs(stored) {
    setValues(stored.values);
    confirm(stored.revision, fields());
    dropLocal();
    say(msg('clash_updated', { name: stored.by || msg('clash_someone'), time: stored.at }));
  }

  function labelOf(name) {
    var el = form.querySelector('[name="' + name + '"]');
    var label = el && el.id && form.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.trim() : name;
  }

  // Both changed: both versions side by side, and two buttons. The server sets aside the one not
  // chosen ("Versi lain"), so the choice loses nothing; then the page reloads with the result.
  function showClash(mine, stored) {
    paused = true;
    form.classList.add('clashing');
    if (timer) clearTimeout(timer);
    var mineText = written(mine);
    var names = differing(mineText, stored.values);
    clashBox.innerHTML = '';
    var h = document.createElement('h2');
    h.textContent = msg('clash_title');
    clashBox.appendChild(h);
    var intro = document.createElement('p');
    intro.textContent = msg('clash_intro', { name: stored.by || msg('clash_someone'), time: stored.at });
    clashBox.appendChild(intro);
    names.forEach(function (name) {
      var box = document.createElement('div');
      box.className = 'clash-field';
      var h3 = document.createElement('h3');
      h3.textContent = labelOf(name);
      box.appendChild(h3);
      [
        [msg('clash_mine'), mineText[name], 'mine'],
        [msg('clash_theirs_by', { name: stored.by || msg('clash_someone'), time: stored.at }), stored.values[name], 'theirs'],
      ].forEach(function (side) {
        var p = document.createElement('p');
        p.className = 'clash-side clash-' + side[2];
        var b = document.createElement('strong');
        b.textContent = side[0];
        var text = document.createElement('span');
        text.className = 'clash-text';
        var empty = name.indexOf('caption:') === 0 ? msg('clash_auto_caption') : msg('clash_empty');
        text.textContent = norm(side[1]) ? side[1] : empty;
        p.appendChild(b);
        p.appendChild(text);
        box.appendChild(p);
      });
      clashBox.appendChild(box);
    });
    [['mine', msg('clash_keep_mine'), 'primary'], ['theirs', msg('clash_keep_theirs'), 'secondary']].forEach(function (choice) {
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = choice[2] + ' wide big';
      btn.setAttribute('data-keep', choice[0]);
      btn.textContent = choice[1];
      btn.addEventListener('click', function () {
        var params = new URLSearchParams(mine.toString());
        params.set('editor', session);
        params.set('revision', String(stored.revision));
        params.set('resolve', choice[0]);
        btn.disabled = true;
        post(params)
          .then(function (json) {
            if (json.conflict) return showClash(mine, json.conflict);
            if (!json.ok) {
              btn.disabled = false;
              return say(json.message, 'offline');
            }
            dropLocal();
            window.location.reload();
          })
          .catch(function () {
            btn.disabled = false;
            say(msg('offline'), 'offline');
          });
      });
      clashBox.appendChild(btn);
    });
    clashBox.hidden = false;
    clashBox.focus();
    clashBox.scrollIntoView();
  }

  form.addEventListener('input', function (e) {
    if (e.target.type !== 'file') schedule();
  });
  form.addEventListener('change', function (e) {
    if (e.target.type !== 'file') schedule();
  });
  // Leaving a step saves at once (step = the fieldset's name), so a reload returns there.
  form.addEventListener('focusout', function (e) {
    var from = e.target.closest && e.target.closest('fieldset[data-step]');
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('fieldset[data-step]');
    if (from && from !== to && dirty()) save(from.getAttribute('data-step'));
  });
  document.addEventListener('visibilitychange', function () {
    if (paused) return;
    if (document.visibilityState === 'hidden') {
      // Going to the background (the phone may close the tab): the copy stays on the phone and
      // what is new goes to the server, with an answer we still read if the page lives on.
      keepLocal(fields());
      if (dirty()) save(null, true);
      return;
    }
    // Back on the screen: typed here since the last save → send it (a clash shows both);
    // otherwise pick up whatever someone else saved meanwhile.
    if (dirty()) return save();
    fetch(form.getAttribute('data-versi'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.json();
      })
      .then(function (stored) {
        if (!stored.ok) return;
        if (stored.published) return window.location.reload();
        if (stored.revision <= confirmed.revision || dirty()) return;
        if (differing(confirmed.written, stored.values).length === 0) return confirm(stored.revision);
        takeTheirs(stored);
      })
      .catch(function () {});
  });
  window.addEventListener('online', function () {
    if (dirty()) save();
  });
  form.addEventListener('submit', function (e) {
    // Until the person has chosen between two versions, nothing is sent (that would choose for them).
    if (paused) {
      e.preventDefault();
      clashBox.focus();
      clashBox.scrollIntoView();
      return;
    }
    keepLocal(fields());
  });

  // Reopened: judge the copy on this phone against what the server sent.
  (function restore() {
    var saved;
    try {
      saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
    } catch (e) {
      saved = null;
    }
    if (!saved || !saved.fields) return;
    var local = new URLSearchParams(saved.fields);
    var localText = written(local);
    var serverText = written(fields());
    if (differing(localText, serverText).length === 0) return dropLocal();
    // A copy from before versions were kept has no base: treat both as changed (ask).
    var base = saved.base || null;
    var localChanged = !base || differing(localText, base.written).length > 0;
    var serverChanged = !base || confirmed.revision > base.revision;
    if (!localChanged) return dropLocal();
    if (!serverChanged) {
      setValues(localText);
      say(msg('restored'));
      return save();
    }
    showClash(local, { revision: confirmed.revision, by: form.getAttribute('data-updated-by'), at: form.getAttribute('data-updated-at'), values: serverText });
  })();

  // Shared with composer-captions.js and composer-photos.js (loaded after this file).
  window.BerandaComposer = {
    msg: msg,
    say: say,
    schedule: schedule,
    session: session,
    // After a photo upload: the new photo's (empty) description joins what the server holds.
    setRevision: function (revision) {
      var now = written(fields());
      Object.keys(now).forEach(function (k) {
        if (!(k in confirmed.written) && k.indexOf('alt:') === 0) confirmed.written[k] = '';
      });
      confirm(revision);
    },
  };
})();
