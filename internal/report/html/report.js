(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');

  function byId(id) { return doc.getElementById(id); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function norm(s) { return String(s).toLowerCase().replace(/\s+/g, ' ').trim(); }

  var fStd = byId('filter-standard');
  var fGroup = byId('filter-group');
  var fStatus = byId('filter-status');
  var search = byId('search');
  var shown = byId('shown-count');
  var shownFilters = byId('shown-filters');
  var noMatch = byId('no-match');
  var expandAll = byId('expand-all');
  if (!fStd || !fGroup || !fStatus || !search || !shown) {
    return;
  }

  // One entry per control: its two rows and what the filters compare.
  var items = [];
  var byAnchor = {};
  each(doc.querySelectorAll('tr.control'), function (row) {
    var detail = byId(row.getAttribute('data-detail'));
    var id = row.getAttribute('data-id');
    var std = row.getAttribute('data-standard');
    var it = {
      row: row,
      detail: detail,
      button: row.querySelector('button.toggle'),
      id: id.toLowerCase(),
      number: id.slice(id.indexOf(':') + 1).toLowerCase(),
      standard: std,
      group: std + ':' + row.getAttribute('data-group'),
      status: row.getAttribute('data-status'),
      text: norm(row.textContent + ' ' + (detail ? detail.textContent : ''))
    };
    items.push(it);
    byAnchor[row.id] = it;
  });

  // A query that is a control id (canonical or short) selects that control only; any other
  // query keeps the controls whose text contains each of its words.
  function matcher(q) {
    q = norm(q);
    if (!q) {
      return function () { return true; };
    }
    var exact = items.some(function (it) { return it.id === q || it.number === q; });
    if (exact) {
      return function (it) { return it.id === q || it.number === q; };
    }
    var words = q.split(' ');
    return function (it) {
      for (var i = 0; i < words.length; i++) {
        if (it.text.indexOf(words[i]) < 0) {
          return false;
        }
      }
      return true;
    };
  }

  function syncGroups() {
    var std = fStd.value;
    each(fGroup.querySelectorAll('optgroup'), function (og) {
      var off = std !== '' && og.getAttribute('data-standard') !== std;
      og.hidden = off;
      og.disabled = off;
    });
    var sel = fGroup.options[fGroup.selectedIndex];
    if (sel && sel.value && sel.parentNode.disabled) {
      fGroup.value = '';
    }
  }

  function optionText(sel) {
    var o = sel.options[sel.selectedIndex];
    return o ? (o.getAttribute('data-label') || o.textContent) : '';
  }

  function apply() {
    var std = fStd.value;
    var group = fGroup.value;
    var status = fStatus.value;
    var match = matcher(search.value);
    var n = 0;
    var base = 0;
    var perStatus = {};
    items.forEach(function (it) {
      var ok = (!std || it.standard === std) && (!group || it.group === group) && match(it);
      if (ok) {
        base++;
        perStatus[it.status] = (perStatus[it.status] || 0) + 1;
      }
      var visible = ok && (!status || it.status === status);
      it.row.hidden = !visible;
      if (it.detail) {
        it.detail.hidden = !visible;
      }
      if (visible) {
        n++;
      }
    });
    // The status options count the controls the other filters leave.
    each(fStatus.options, function (o) {
      var count = o.value ? (perStatus[o.value] || 0) : base;
      o.textContent = o.getAttribute('data-label') + ' (' + count + ')';
    });
    shown.textContent = String(n);
    if (noMatch) {
      noMatch.hidden = n > 0;
    }
    var parts = [];
    if (std) { parts.push(optionText(fStd)); }
    if (group) { parts.push(optionText(fGroup)); }
    if (status) { parts.push('status ' + optionText(fStatus)); }
    if (norm(search.value)) { parts.push('search \u201c' + search.value.trim() + '\u201d'); }
    if (shownFilters) {
      shownFilters.textContent = parts.length ? ' \u00b7 ' + parts.join(' \u00b7 ') : '';
    }
    syncExpandAll();
  }

  function setOpen(it, open) {
    if (!it.detail) {
      return;
    }
    it.detail.classList.toggle('collapsed', !open);
    it.row.classList.toggle('open', open);
    if (it.button) {
      it.button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
  }

  function isOpen(it) {
    return it.detail && !it.detail.classList.contains('collapsed');
  }

  function syncExpandAll() {
    if (!expandAll) {
      return;
    }
    var visible = items.filter(function (it) { return !it.row.hidden; });
    var all = visible.length > 0 && visible.every(isOpen);
    expandAll.textContent = all ? 'Collapse all' : 'Expand all';
    expandAll.setAttribute('data-open', all ? 'true' : 'false');
  }

  function clearFilters() {
    fStd.value = '';
    fGroup.value = '';
    fStatus.value = '';
    search.value = '';
    syncGroups();
    apply();
  }

  fStd.addEventListener('change', function () { syncGroups(); apply(); });
  fGroup.addEventListener('change', apply);
  fStatus.addEventListener('change', apply);
  search.addEventListener('input', apply);
  search.addEventListener('search', apply);
  byId('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  each([byId('clear-filters'), byId('clear-filters-2')], function (b) {
    if (b) {
      b.addEventListener('click', clearFilters);
    }
  });
  if (expandAll) {
    expandAll.addEventListener('click', function () {
      var open = expandAll.getAttribute('data-open') !== 'true';
      items.forEach(function (it) {
        if (!it.row.hidden) {
          setOpen(it, open);
        }
      });
      syncExpandAll();
    });
  }

  // A click on a row (not on a link, and not the end of a text selection) opens its details.
  doc.getElementById('control-table').addEventListener('click', function (e) {
    var t = e.target;
    if (t.closest('a')) {
      return;
    }
    var row = t.closest('tr.control');
    if (!row) {
      return;
    }
    if (!t.closest('button')) {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) {
        return;
      }
    }
    var it = byAnchor[row.id];
    if (it) {
      setOpen(it, !isOpen(it));
      syncExpandAll();
    }
  });

  // Going to a control (a related control, or a #c-... address) shows and opens it.
  function reveal(anchor) {
    var it = byAnchor[anchor];
    if (!it) {
      return false;
    }
    if (it.row.hidden) {
      clearFilters();
    }
    setOpen(it, true);
    syncExpandAll();
    return true;
  }
  doc.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a[data-goto]') : null;
    if (a) {
      reveal(a.getAttribute('data-goto'));
    }
  });
  window.addEventListener('hashchange', function () {
    reveal(decodeURIComponent(location.hash.slice(1)));
  });

  // Printing shows every folded section; they fold back afterwards.
  var reopened = [];
  window.addEventListener('beforeprint', function () {
    reopened = [];
    each(doc.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (d) { d.open = false; });
    reopened = [];
  });

  syncGroups();
  apply();
  if (location.hash) {
    reveal(decodeURIComponent(location.hash.slice(1)));
  }
})();
