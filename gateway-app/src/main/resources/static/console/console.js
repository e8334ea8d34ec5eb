/* 家校通 web console: calls the same REST API as every client, with the session cookie and the CSRF token. */
(function () {
  'use strict';
  var meta = function (n) { var m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; };
  var CSRF = { header: meta('_csrf_header'), token: meta('_csrf') };
  var $ = function (id) { return document.getElementById(id); };

  var STATUS = { DRAFT: '草稿', PENDING_REVIEW: '待审核', PENDING_APPROVAL: '待审批', APPROVED: '已批准', SCHEDULED: '定时发送',
    SENDING: '发送中', SENT: '已发送', PARTIALLY_FAILED: '部分失败', REJECTED: '已驳回', CANCELLED: '已撤回' };
  var STATE = { QUEUED: '排队中', SUBMITTED: '已提交', DELIVERED: '已送达', UNDELIVERABLE: '无法送达', EXPIRED: '已过期',
    REJECTED: '被拒收', FAILED: '失败', EXPIRED_UNKNOWN: '超时未知' };
  var ACTION = { REVIEW: '审核', APPROVE: '审批', REGISTER: '登记备案', FILE: '备案' };
  var CATEGORY_HINT = { TYPO: '错别字' };

  function api(method, path, body, raw) {
    var headers = { 'Accept': 'application/json' };
    if (CSRF.header) { headers[CSRF.header] = CSRF.token; }
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body instanceof FormData) { init.body = body; }
    else if (body !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      if (r.status === 204) { return null; }
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        if (!r.ok) { var err = new Error((data && data.detail) || ('请求失败（' + r.status + '）')); err.status = r.status; err.problem = data; throw err; }
        return data;
      });
    });
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k.indexOf('on') === 0) { e.addEventListener(k.slice(2), attrs[k]); } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  var ZONE = meta('school-time-zone') || undefined;
  /** 2026-11-22 09:30 in the school's time zone, whatever the browser's is. */
  function time(s) {
    if (!s) { return ''; }
    var parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(s)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
  }
  function show(node, message) { node.textContent = message; node.hidden = !message; }
  function debounce(fn, ms) { var t; return function () { clearTimeout(t); t = setTimeout(fn, ms); }; }
  function yuan(v) { return '¥' + Number(v || 0).toFixed(2); }

  /** Text with each finding's span marked (never innerHTML: the text is the user's). */
  function highlighted(container, text, findings, onApply) {
    container.textContent = '';
    var sorted = (findings || []).filter(function (f) { return f.end > f.start; }).sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    sorted.forEach(function (f) {
      if (f.start < at) { return; }
      container.appendChild(document.createTextNode(text.slice(at, f.start)));
      var m = el('mark', { 'class': 'f-' + f.severity, title: f.rule + (f.suggestion ? '，建议：' + f.suggestion : ''), text: text.slice(f.start, f.end) });
      container.appendChild(m);
      at = f.end;
    });
    container.appendChild(document.createTextNode(text.slice(at)));
  }
  function findingList(list, findings, onApply) {
    list.textContent = '';
    (findings || []).forEach(function (f) {
      var li = el('li', { 'class': 'finding' }, [el('span', { 'class': 'sev sev-' + f.severity, text: f.severity === 'BLOCK' ? '禁止' : f.severity === 'WARN' ? '提醒' : '提示' }),
        (f.field === 'title' ? '标题：' : '') + '“' + f.match + '” ' + (CATEGORY_HINT[f.category] || f.rule || f.category)]);
      if (f.suggestion) {
        li.appendChild(document.createTextNode(' 建议：' + f.suggestion + ' '));
        if (onApply) { li.appendChild(el('button', { type: 'button', 'class': 'apply-fix', text: '采用建议', onclick: function () { onApply(f); } })); }
      }
      list.appendChild(li);
    });
  }

  // ---- home: my notices ----
  function home() {
    var tbody = document.querySelector('#notices tbody');
    function load() {
      var s = $('status-filter').value;
      api('GET', '/api/notices?limit=100' + (s ? '&status=' + s : '')).then(function (list) {
        tbody.textContent = '';
        if (!list.length) { tbody.appendChild(el('tr', {}, [el('td', { colspan: '5', text: '暂无通知' })])); }
        list.forEach(function (n) {
          tbody.appendChild(el('tr', {}, [el('td', { text: String(n.id) }), el('td', {}, [el('a', { href: '/console/notices/' + n.id, text: n.title })]),
            el('td', {}, [el('span', { 'class': 'status', text: STATUS[n.status] || n.status })]), el('td', { text: n.drafter ? n.drafter.name : '' }), el('td', { text: time(n.createdAt) })]));
        });
      }).catch(function (e) { tbody.textContent = ''; tbody.appendChild(el('tr', {}, [el('td', { colspan: '5', 'class': 'error', text: e.message })])); });
    }
    $('status-filter').addEventListener('change', load);
    load();
  }

  // ---- compose ----
  function compose() {
    var form = $('compose');
    function values(name) { return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value; }); }
    function request() {
      var sendAt = $('sendAt').value;
      var audience = { classes: values('classes'), units: values('units'), groups: values('groups').map(Number),
        school: values('school').length > 0, allTeachers: values('allTeachers').length > 0 };
      var r = { title: $('title').value, body: $('body').value, channels: values('channels'), audience: audience,
        replyRequired: $('replyRequired').checked, acknowledgeWarnings: $('acknowledgeWarnings').checked };
      if ($('kind')) { r.kind = $('kind').value; }
      if ($('requestReason')) { r.requestReason = $('requestReason').value; }
      if (sendAt) { r.sendAt = new Date(sendAt).toISOString(); }
      return r;
    }
    var empty = function (a) { return !a.classes.length && !a.units.length && !a.groups.length && !a.school && !a.allTeachers; };
    var lastFindings = [];
    function applyFix(f) {
      var field = f.field === 'title' ? $('title') : $('body');
      var text = field.value;
      if (text.slice(f.start, f.end) === f.match) { field.value = text.slice(0, f.start) + f.suggestion + text.slice(f.end); }
      else { field.value = text.split(f.match).join(f.suggestion); }
      field.focus();
      refresh();
    }
    function check() {
      var body = $('body').value, title = $('title').value;
      var checks = [];
      checks.push(body.trim() ? api('POST', '/api/content/check', { text: body }).then(function (r) { return r.findings.map(function (f) { f.field = 'body'; return f; }); }) : Promise.resolve([]));
      checks.push(title.trim() ? api('POST', '/api/content/check', { text: title }).then(function (r) { return r.findings.map(function (f) { f.field = 'title'; return f; }); }) : Promise.resolve([]));
      return Promise.all(checks).then(function (all) {
        lastFindings = all[0].concat(all[1]);
        highlighted($('highlight'), body, all[0]);
        findingList($('findings'), lastFindings, applyFix);
        $('ack-row').hidden = !lastFindings.some(function (f) { return f.severity === 'WARN'; });
      });
    }
    function preview() {
      var r = request();
      if (!r.title.trim() || !r.body.trim() || !r.channels.length) { return Promise.resolve(); }
      if (empty(r.audience)) { delete r.audience; }
      return api('POST', '/api/notices/preview', r).then(function (p) {
        show($('preview-error'), '');
        $('pv-sms').textContent = p.sms.text;
        $('pv-sms-meta').textContent = p.sms.length + ' 字，' + p.sms.segments + ' 条（' + (p.sms.encoding === 'UCS2' ? '中文编码，每条 67 字' : 'GSM 编码') + '）';
        $('pv-email-subject').textContent = p.email.subject; $('pv-email-text').textContent = p.email.text;
        $('pv-push-title').textContent = p.push.title; $('pv-push-body').textContent = p.push.body;
        $('pv-estimate').textContent = p.estimate ? ('接收人 ' + p.estimate.recipients + ' 人，短信共 ' + p.estimate.smsParts + ' 条，预计费用 ' + yuan(p.estimate.cost)) : '请选择通知对象以估算人数和费用';
      }).catch(function (e) { show($('preview-error'), e.message); });
    }
    var refresh = debounce(function () { check().catch(function () {}); preview(); }, 350);
    form.addEventListener('input', refresh);
    form.addEventListener('change', refresh);
    function submit(draft) {
      var r = request();
      if (draft) { r.draft = true; }
      show($('submit-error'), '');
      $('submit').disabled = true;
      api('POST', '/api/notices', r).then(function (n) { location.href = '/console/notices/' + n.id; })
        .catch(function (e) {
          $('submit').disabled = false;
          var msg = e.message;
          if (e.problem && e.problem.findings) {
            findingList($('findings'), e.problem.findings, applyFix);
            if (e.problem.findings.some(function (f) { return f.severity === 'WARN'; })) { $('ack-row').hidden = false; }
          }
          show($('submit-error'), msg);
        });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); submit(false); });
    $('save-draft').addEventListener('click', function () { submit(true); });
  }

  // ---- approval inbox ----
  function chain(steps) {
    return el('ol', { 'class': 'timeline' }, (steps || []).map(function (s) {
      return el('li', { 'class': s.decidedAt ? '' : 'pending', text: s.actionName + '（' + s.roleName + (s.unit ? ' @ ' + s.unit : '') + '）' +
        (s.decidedAt ? '：' + (s.decidedBy ? s.decidedBy.name : '') + ' ' + time(s.decidedAt) + (s.comment ? ' “' + s.comment + '”' : '') : '：等待中') });
    }));
  }
  function inbox() {
    function load() {
      api('GET', '/api/approvals/inbox').then(function (data) {
        var box = $('inbox-list'); box.textContent = '';
        if (!data.toDecide.length) { box.appendChild(el('p', { 'class': 'hint', text: '暂无待审批的通知' })); }
        data.toDecide.forEach(function (item) {
          var n = item.notice, action = item.waitingFor;
          var body = el('div', { 'class': 'body-text' }); highlighted(body, n.body, (n.findings || []).filter(function (f) { return f.field === 'body'; }));
          var findings = el('ul', { 'class': 'findings' }); findingList(findings, n.findings);
          var reason = el('input', { id: 'reason-' + n.id, placeholder: '驳回时必须填写理由' });
          var comment = el('input', { id: 'comment-' + n.id, placeholder: '意见（可选）' });
          var result = el('p', { role: 'status' });
          var decide = function (path, payload) {
            api('POST', '/api/notices/' + n.id + '/' + path, payload).then(function () { load(); })
              .catch(function (e) { result.className = 'error'; result.textContent = e.message; });
          };
          var card = el('article', { 'class': 'card inbox-item', 'data-notice': String(n.id) }, [
            el('h2', {}, [el('a', { href: '/console/notices/' + n.id, text: n.title })]),
            el('p', { 'class': 'meta', text: '等待您' + (ACTION[action] || action) + ' · 发起人 ' + (n.drafter ? n.drafter.name : '') + ' · ' + time(n.createdAt) }),
            n.requestReason ? el('p', {}, [el('strong', { text: '部门发文备案事由：' }), n.requestReason]) : null,
            body, findings,
            el('p', { 'class': 'estimate', text: n.estimate ? '接收人 ' + n.estimate.recipients + ' 人，每人 ' + n.estimate.segmentsPerMessage + ' 条短信，共 ' + n.estimate.smsParts + ' 条，费用 ' + yuan(n.estimate.cost) : '' }),
            el('h3', { text: '审批链' }), chain(n.approvals),
            el('label', { 'for': 'comment-' + n.id, text: '意见' }), comment,
            el('div', { 'class': 'row' }, [
              el('button', { type: 'button', 'class': 'primary approve', text: action === 'REVIEW' ? '审核通过' : '批准', onclick: function () {
                decide(action === 'REVIEW' ? 'review' : 'approve', { comment: comment.value, contentHash: n.contentHash }); } })]),
            el('label', { 'for': 'reason-' + n.id, text: '驳回理由' }), reason,
            el('div', { 'class': 'row' }, [el('button', { type: 'button', 'class': 'danger reject', text: '驳回', onclick: function () {
              if (!reason.value.trim()) { result.className = 'error'; result.textContent = '请填写驳回理由'; reason.focus(); return; }
              decide('reject', { reason: reason.value }); } })]),
            result]);
          box.appendChild(card);
        });
        var rel = $('release-list'); rel.textContent = '';
        if (!data.toRelease.length) { rel.appendChild(el('p', { 'class': 'hint', text: '无' })); }
        data.toRelease.forEach(function (n) {
          rel.appendChild(el('div', { 'class': 'card row' }, [el('a', { href: '/console/notices/' + n.id, text: n.title }),
            el('button', { type: 'button', 'class': 'primary', text: '放行发送', onclick: function () { api('POST', '/api/notices/' + n.id + '/release').then(load).catch(function (e) { alert(e.message); }); } })]));
        });
      }).catch(function (e) { $('inbox-list').textContent = e.message; });
    }
    load();
  }

  // ---- notice detail ----
  function notice() {
    var root = $('notice'), id = root.dataset.id, chart = null, deliveries = [];
    var FINAL = ['SENT', 'PARTIALLY_FAILED', 'REJECTED', 'CANCELLED', 'DRAFT'];
    function render(n) {
      $('n-title').textContent = n.title;
      var st = $('n-status'); st.textContent = STATUS[n.status] || n.status; st.dataset.status = n.status;
      $('n-drafter').textContent = '发起人 ' + (n.drafter ? n.drafter.name : '') + ' · ' + (n.channels || []).join('、');
      highlighted($('n-body'), n.body, (n.findings || []).filter(function (f) { return f.field === 'body'; }));
      findingList($('n-findings'), n.findings);
      $('n-estimate').textContent = n.estimate ? '接收人 ' + n.estimate.recipients + ' 人，短信共 ' + n.estimate.smsParts + ' 条，费用 ' + yuan(n.estimate.cost) : '';
      var s = n.stats || {}, total = s.recipients || 0, done = (s.delivered || 0) + (s.failed || 0);
      var p = $('n-progress'); p.max = Math.max(total, 1); p.value = done;
      $('n-progress-text').textContent = total ? ('共 ' + total + ' 条：已送达 ' + s.delivered + '，已提交 ' + s.submitted + '，排队 ' + s.queued + '，失败 ' + s.failed) : '尚未开始发送';
      $('n-progress-text').dataset.delivered = s.delivered || 0;
      var tl = $('n-timeline'); tl.textContent = '';
      tl.appendChild(el('li', { text: '起草：' + (n.drafter ? n.drafter.name : '') + ' ' + time(n.createdAt) }));
      (n.approvals || []).forEach(function (a) {
        tl.appendChild(el('li', { 'class': a.decidedAt ? '' : 'pending', text: a.actionName + '（' + a.roleName + '）：' + (a.decidedAt ? (a.decidedBy ? a.decidedBy.name : '') + ' ' + time(a.decidedAt) + (a.comment ? ' “' + a.comment + '”' : '') : '等待中') }));
      });
      if (n.rejectionReason) { tl.appendChild(el('li', { text: '驳回：' + n.rejectionReason })); }
      if (n.approvedAt) { tl.appendChild(el('li', { text: '批准：' + time(n.approvedAt) })); }
      if (n.sendAt) { tl.appendChild(el('li', { text: '计划发送：' + time(n.sendAt) })); }
      if (n.sendingAt) { tl.appendChild(el('li', { text: '开始发送：' + time(n.sendingAt) })); }
      if (n.finishedAt) { tl.appendChild(el('li', { text: '发送完成（' + (STATUS[n.status] || n.status) + '）：' + time(n.finishedAt) })); }
      drawChart(s);
      var actions = $('n-actions'); actions.textContent = '';
      if (root.dataset.mine === 'true' && ['DRAFT', 'PENDING_REVIEW', 'PENDING_APPROVAL', 'APPROVED', 'SCHEDULED'].indexOf(n.status) >= 0) {
        actions.appendChild(el('button', { type: 'button', 'class': 'danger', text: '撤回通知', onclick: function () {
          api('POST', '/api/notices/' + id + '/cancel', { reason: '发起人撤回' }).then(load).catch(function (e) { alert(e.message); }); } }));
      }
      if (root.dataset.mine === 'true' && n.status === 'DRAFT') {
        actions.appendChild(el('button', { type: 'button', 'class': 'primary', text: '提交审批', onclick: function () {
          api('POST', '/api/notices/' + id + '/submit', { acknowledgeWarnings: true }).then(load).catch(function (e) { alert(e.message); }); } }));
      }
      return n;
    }
    function drawChart(s) {
      if (!window.Chart) { return; }
      var channels = Object.keys(s.byChannel || {});
      var states = ['DELIVERED', 'SUBMITTED', 'QUEUED', 'FAILED'];
      var colours = { DELIVERED: '#177245', SUBMITTED: '#0b5cad', QUEUED: '#9aa5b1', FAILED: '#b42318' };
      var datasets = states.map(function (st) {
        return { label: STATE[st], backgroundColor: colours[st], data: channels.map(function (c) { return st === 'FAILED' ? s.byChannel[c].failed : (s.byChannel[c][st.toLowerCase()] || 0); }) };
      });
      if (chart) { chart.data.labels = channels; chart.data.datasets.forEach(function (d, i) { d.data = datasets[i].data; }); chart.update('none'); return; }
      chart = new window.Chart($('n-chart'), { type: 'bar', data: { labels: channels, datasets: datasets },
        options: { animation: false, maintainAspectRatio: false, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } } });
    }
    function loadDeliveries() {
      return api('GET', '/api/notices/' + id + '/deliveries?offset=0&limit=500').then(function (page) { deliveries = page.items; renderDeliveries(); });
    }
    function renderDeliveries() {
      var want = $('state-filter').value, tbody = document.querySelector('#deliveries tbody');
      tbody.textContent = '';
      deliveries.filter(function (d) { return !want || d.state === want; }).forEach(function (d) {
        tbody.appendChild(el('tr', {}, [el('td', { text: d.channel }), el('td', { text: d.recipient }), el('td', {}, [el('span', { 'class': 'state state-' + d.state, text: STATE[d.state] || d.state })]),
          el('td', { text: String(d.segments) }), el('td', { text: time(d.doneAt || d.submittedAt || d.createdAt) })]));
      });
    }
    $('state-filter').addEventListener('change', renderDeliveries);
    function loadConfirmations() {
      return api('GET', '/api/notices/' + id + '/confirmations').then(function (c) {
        $('confirmations').hidden = false;
        var items = c.items || [];
        var confirmed = items.filter(function (x) { return x.confirmedAt; });
        var missing = items.filter(function (x) { return !x.confirmedAt; });
        $('conf-summary').textContent = '已确认 ' + c.confirmed + ' 人，未确认 ' + c.notConfirmed + ' 人';
        var who = function (x) { return (x.students || []).join('、') + '家长 ' + (x.mobile || ''); };
        var list = $('conf-list'); list.textContent = '';
        confirmed.forEach(function (x) { list.appendChild(el('li', { text: who(x) + ' ' + time(x.confirmedAt) })); });
        var un = $('unconf-list'); un.textContent = '';
        missing.forEach(function (x) { un.appendChild(el('li', { text: who(x) })); });
      }).catch(function (e) { if (e.status === 404 || e.status === 409) { $('confirmations').hidden = true; } });
    }
    $('remind').addEventListener('click', function () {
      api('POST', '/api/notices/' + id + '/remind').then(function (r) { $('remind-result').textContent = '已发送提醒' + (r && r.reminded != null ? '（' + r.reminded + ' 人）' : ''); })
        .catch(function (e) { $('remind-result').textContent = e.message; });
    });
    var timer = null;
    function load() {
      return api('GET', '/api/notices/' + id).then(render).then(function (n) {
        loadDeliveries(); loadConfirmations();
        var active = FINAL.indexOf(n.status) < 0 || (n.stats && (n.stats.queued + n.stats.submitted) > 0);
        clearTimeout(timer);
        timer = setTimeout(load, active ? 1500 : 10000);
      }).catch(function (e) { $('n-progress-text').textContent = e.message; });
    }
    load();
  }

  // ---- leave requests (endpoint from the replies work; hidden until it exists) ----
  function leave() {
    function load() {
      api('GET', '/api/leave-requests').then(function (list) {
        $('leave-list').hidden = false;
        var tbody = document.querySelector('#leave-list tbody'); tbody.textContent = '';
        (list.items || list).forEach(function (r) {
          var act = function (what) { return el('button', { type: 'button', text: what === 'approve' ? '批准' : '驳回', onclick: function () {
            api('POST', '/api/leave-requests/' + r.id + '/' + what, {}).then(load).catch(function (e) { alert(e.message); }); } }); };
          var when = r.from === r.to ? r.from : r.from + ' 至 ' + r.to;
          tbody.appendChild(el('tr', {}, [el('td', { text: r.student + '（' + r.className + '）' }), el('td', { text: when + (r.period ? ' ' + r.period : '') }), el('td', { text: r.reason || '' }),
            el('td', { text: r.originalText || '' }), el('td', { text: r.state || '' }),
            el('td', {}, [act('approve'), ' ', act('reject')])]));
        });
      }).catch(function (e) { if (e.status === 404) { $('leave-unavailable').hidden = false; } else { $('leave-unavailable').hidden = false; $('leave-unavailable').textContent = e.message; } });
    }
    load();
  }

  // ---- roster ----
  function roster() {
    var select = $('class-select');
    function loadClass() {
      var code = select.value; if (!code) { return; }
      api('GET', '/api/classes/' + encodeURIComponent(code) + '/students').then(function (list) {
        var tbody = document.querySelector('#students tbody'); tbody.textContent = '';
        var members = $('group-members'); members.textContent = '';
        list.forEach(function (s) {
          tbody.appendChild(el('tr', {}, [el('td', { text: s.studentNo }), el('td', { text: s.name }),
            el('td', { text: (s.guardians || []).map(function (g) { return g.name + (g.relation ? '（' + g.relation + '）' : '') + ' ' + (g.mobile || ''); }).join('；') })]));
          (s.guardians || []).forEach(function (g) {
            var id = 'member-' + g.id;
            if ($(id)) { return; }
            members.appendChild(el('label', { 'class': 'check', 'for': id }, [el('input', { type: 'checkbox', id: id, name: 'guardianIds', value: String(g.id) }),
              s.name + ' 的' + (g.relation || '家长') + ' ' + g.name]));
          });
        });
        if (!members.childNodes.length) { members.appendChild(el('p', { 'class': 'hint', text: '本班暂无家长' })); }
      }).catch(function (e) { document.querySelector('#students tbody').textContent = e.message; });
      api('GET', '/api/classes/' + encodeURIComponent(code) + '/grants').then(function (grants) {
        var ul = $('grants'); ul.textContent = '';
        if (!grants.length) { ul.appendChild(el('li', { 'class': 'hint', text: '无' })); }
        grants.forEach(function (u) { ul.appendChild(el('li', {}, [u + ' ', el('button', { type: 'button', text: '撤销', onclick: function () {
          api('DELETE', '/api/classes/' + encodeURIComponent(code) + '/grants/' + encodeURIComponent(u)).then(loadClass).catch(function (e) { $('grant-result').textContent = e.message; }); } })])); });
      }).catch(function (e) { $('grants').textContent = e.message; });
    }
    api('GET', '/api/classes').then(function (classes) {
      classes.forEach(function (c) { select.appendChild(el('option', { value: c.code, text: c.name + '（' + c.code + '）' })); });
      loadClass();
    });
    select.addEventListener('change', loadClass);
    $('grant-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      api('PUT', '/api/classes/' + encodeURIComponent(select.value) + '/grants/' + encodeURIComponent($('grant-username').value.trim()))
        .then(function () { $('grant-result').textContent = '已授权'; loadClass(); }).catch(function (e) { $('grant-result').textContent = e.message; });
    });
    function groups() {
      return api('GET', '/api/groups').then(function (list) {
        var ul = $('groups-list'); ul.textContent = '';
        if (!list.length) { ul.appendChild(el('li', { 'class': 'hint', text: '暂无用户组' })); }
        list.forEach(function (g) { ul.appendChild(el('li', { text: g.name + '：家长 ' + g.guardianIds.length + ' 人，教师 ' + g.staffIds.length + ' 人' })); });
      });
    }
    groups();
    var studentForm = $('student-form');
    studentForm.addEventListener('submit', function (ev) {
      ev.preventDefault(); clearErrors(studentForm);
      var student = { studentNo: $('student-no').value.trim(), name: $('student-name').value.trim(), guardians: [] };
      if ($('guardian-name').value.trim()) {
        student.guardians.push({ name: $('guardian-name').value.trim(), relation: $('guardian-relation').value.trim(), mobile: $('guardian-mobile').value.trim() });
      }
      api('POST', '/api/classes/' + encodeURIComponent(select.value) + '/students', student).then(function (s) {
        studentForm.reset(); result(studentForm, '已添加学生 ' + s.name + '（' + s.studentNo + '）'); loadClass();
      }).catch(function (e) { formError(studentForm, e); });
    });
    var groupForm = $('group-form');
    groupForm.addEventListener('submit', function (ev) {
      ev.preventDefault(); clearErrors(groupForm);
      var ids = Array.prototype.map.call(groupForm.querySelectorAll('input[name=guardianIds]:checked'), function (i) { return Number(i.value); });
      api('POST', '/api/groups', { name: $('group-name').value.trim(), guardianIds: ids, staffIds: [] }).then(function (g) {
        groupForm.reset(); result(groupForm, '已创建用户组“' + g.name + '”（' + g.guardianIds.length + ' 人）'); return groups();
      }).catch(function (e) { formError(groupForm, e); });
    });
    function upload(dryRun) {
      var fd = new FormData(); fd.append('file', $('import-file').files[0]);
      return api('POST', '/api/roster/imports?dryRun=' + dryRun, fd);
    }
    $('import-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      upload(true).then(function (plan) { $('import-result').textContent = '试运行结果：\n' + JSON.stringify(plan, null, 2); $('import-apply').disabled = false; })
        .catch(function (e) { $('import-result').textContent = e.message; });
    });
    $('import-apply').addEventListener('click', function () {
      $('import-apply').disabled = true;
      upload(false).then(function poll(job) {
        var p = $('import-progress'); p.hidden = false; p.max = Math.max(job.total, 1); p.value = job.done;
        $('import-result').textContent = '导入 ' + job.state + '：' + job.done + ' / ' + job.total + (job.error ? '\n' + job.error : '');
        if (job.state !== 'DONE' && job.state !== 'FAILED') { setTimeout(function () { api('GET', '/api/roster/imports/' + job.id).then(poll); }, 700); }
      }).catch(function (e) { $('import-result').textContent = e.message; });
    });
  }

  // ---- archive: audit verification ----
  function archive() {
    var b = $('verify-audit');
    if (b) {
      b.addEventListener('click', function () {
        api('GET', '/api/audit/verify').then(function (v) {
          $('audit-result').className = v.intact ? 'ok' : 'error';
          $('audit-result').textContent = (v.intact ? '审计链完整' : '审计链被篡改：第一条异常记录 #' + v.firstBrokenId) + '（共校验 ' + v.rowsChecked + ' 条）' + (v.message ? '：' + v.message : '');
        }).catch(function (e) { $('audit-result').textContent = e.message; });
      });
    }
  }

  // ---- settings ----
  function settings() {
    function terms() {
      api('GET', '/api/content/terms').then(function (list) {
        var ul = $('terms'); ul.textContent = '';
        var cats = {};
        list.forEach(function (t) { cats[t.category] = true; ul.appendChild(el('li', {}, [t.category + '：' + t.term + ' ', el('button', { type: 'button', text: '删除', onclick: function () { api('DELETE', '/api/content/terms/' + t.id).then(terms); } })])); });
        var sel = $('term-list'); if (!sel.options.length) { Object.keys(cats).forEach(function (c) { sel.appendChild(el('option', { text: c })); }); }
      }).catch(function (e) { $('terms').textContent = e.message; });
    }
    function whitelist() {
      api('GET', '/api/content/whitelist').then(function (list) {
        var ul = $('whitelist'); ul.textContent = '';
        list.forEach(function (p) { ul.appendChild(el('li', {}, [p.phrase + ' ', el('button', { type: 'button', text: '删除', onclick: function () { api('DELETE', '/api/content/whitelist/' + p.id).then(whitelist); } })])); });
      }).catch(function (e) { $('whitelist').textContent = e.message; });
    }
    $('term-form').addEventListener('submit', function (ev) { ev.preventDefault(); api('POST', '/api/content/terms', { term: $('term-value').value, category: $('term-list').value }).then(terms).catch(function (e) { alert(e.message); }); });
    $('white-form').addEventListener('submit', function (ev) { ev.preventDefault(); api('POST', '/api/content/whitelist', { phrase: $('white-value').value }).then(whitelist).catch(function (e) { alert(e.message); }); });
    function templates() {
      api('GET', '/api/templates').then(function (list) { var ul = $('templates'); ul.textContent = ''; (list || []).forEach(function (t) { ul.appendChild(el('li', { text: (t.kind || '') + ' / ' + (t.part || '') })); }); });
    }
    $('template-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      api('PUT', '/api/templates/' + $('tpl-kind').value + '/' + $('tpl-part').value, { source: $('tpl-source').value })
        .then(function () { $('tpl-result').textContent = '已保存'; templates(); })
        .catch(function (e) { $('tpl-result').textContent = e.message + (e.problem && e.problem.problems ? '：' + e.problem.problems.map(function (p) { return '第 ' + p.line + ' 行 ' + p.reason; }).join('；') : ''); });
    });
    terms(); whitelist(); templates();
    quietHours(); approvalChains(); quotas();
  }

  // ---- settings: forms whose refusals are shown next to the field the problem names ----
  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (n) {
      if (n.classList.contains('result')) { n.className = 'result'; n.textContent = ''; } else { show(n, ''); }
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
  }
  function result(form, message, bad) {
    var r = form.querySelector('.result'); r.className = 'result ' + (bad ? 'error' : 'ok'); r.textContent = message;
  }
  function formError(form, e, field) {
    field = field || (e.problem && e.problem.field);
    var slot = null;
    form.querySelectorAll('[data-error-for]').forEach(function (n) { if (field && n.getAttribute('data-error-for') === field) { slot = n; } });
    if (!slot) { result(form, e.message, true); return; }
    slot.setAttribute('role', 'alert');
    show(slot, e.message);
    var input = slot.parentNode.querySelector('input, select');
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }
  function numberOrNull(v) { return v === '' || v == null ? null : Number(v); }

  function quietHours() {
    var form = $('quiet-form');
    function render(q) {
      $('quiet-start').value = q.start; $('quiet-end').value = q.end; $('quiet-enabled').checked = q.enabled;
      $('quiet-current').textContent = '当前：' + (q.enabled ? q.start + '–' + q.end : '未启用') +
        (q.custom ? '（已修改；默认 ' + q.defaults.start + '–' + q.defaults.end + '）' : '（默认值）');
      return q;
    }
    function saved(message) { return function (q) { render(q); result(form, message); }; }
    api('GET', '/api/settings/quiet-hours').then(render).catch(function (e) { result(form, e.message, true); });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault(); clearErrors(form);
      api('PUT', '/api/settings/quiet-hours', { start: $('quiet-start').value.trim(), end: $('quiet-end').value.trim(), enabled: $('quiet-enabled').checked })
        .then(saved('已保存，所有网关实例将在数秒内按新时段执行')).catch(function (e) { formError(form, e); });
    });
    $('quiet-reset').addEventListener('click', function () {
      clearErrors(form);
      api('DELETE', '/api/settings/quiet-hours').then(saved('已恢复默认时段')).catch(function (e) { result(form, e.message, true); });
    });
  }

  function approvalChains() {
    function describe(steps) { return steps.map(function (s) { return s.actionName + '：' + s.anchorName + s.roleName; }).join(' → '); }
    function render(c) {
      var form = $('chain-' + c.kind); if (!form) { return; }
      form.querySelectorAll('.chain-step').forEach(function (row, i) {
        var s = c.steps[i];
        row.querySelector('[name=action]').value = s ? s.action : '';
        if (s) { row.querySelector('[name=role]').value = s.role; row.querySelector('[name=anchor]').value = s.anchor; }
      });
      form.querySelector('.chain-current').textContent = '当前：' + describe(c.steps) + (c.custom ? '（已修改；默认：' + describe(c.defaults) + '）' : '（默认值）');
    }
    api('GET', '/api/settings/approval-chains').then(function (list) { list.forEach(render); })
      .catch(function (e) { $('h-chains').parentNode.appendChild(el('p', { 'class': 'error', text: e.message })); });
    document.querySelectorAll('.chain-form').forEach(function (form) {
      var path = '/api/settings/approval-chains/' + form.dataset.kind;
      form.addEventListener('submit', function (ev) {
        ev.preventDefault(); clearErrors(form);
        var rows = [], steps = [];
        form.querySelectorAll('.chain-step').forEach(function (row, i) {
          var action = row.querySelector('[name=action]').value;
          if (action) { rows.push(i); steps.push({ action: action, role: row.querySelector('[name=role]').value, anchor: row.querySelector('[name=anchor]').value }); }
        });
        api('PUT', path, { steps: steps }).then(function (c) { render(c); result(form, '已保存，之后提交的通知按新审批链审批'); })
          .catch(function (e) {
            // the API counts the steps sent; the form counts its rows, empty ones included
            var m = /^steps\[(\d+)\]\.(\w+)$/.exec((e.problem && e.problem.field) || '');
            formError(form, e, m ? 'steps[' + rows[Number(m[1])] + '].' + m[2] : null);
          });
      });
      form.querySelector('.chain-reset').addEventListener('click', function () {
        clearErrors(form);
        api('DELETE', path).then(function (c) { render(c); result(form, '已恢复默认审批链'); }).catch(function (e) { result(form, e.message, true); });
      });
    });
  }

  function quotas() {
    var form = $('quota-form'), select = $('quota-target'), entries = {}, school = null, cap = null;
    function limit(v) { return v == null ? '不限' : String(v); }
    function fill() {
      var q = entries[select.value]; if (!q) { return; }
      $('quota-daily').value = q.dailySms == null ? '' : q.dailySms;
      $('quota-monthly').value = q.monthlySms == null ? '' : q.monthlySms;
      var isSchool = select.value === school;
      $('quota-recipient').disabled = !isSchool;
      $('quota-recipient').value = isSchool && cap != null ? cap : '';
    }
    function load() {
      return api('GET', '/api/quotas').then(function (o) {
        var tbody = document.querySelector('#quota-table tbody'), chosen = select.value;
        tbody.textContent = ''; select.textContent = ''; entries = {};
        school = 'units/' + o.unit.id; cap = o.recipientDailyMessages;
        [['units', '单位', o.units], ['accounts', '账号', o.accounts]].forEach(function (group) {
          group[2].forEach(function (q) {
            var key = group[0] + '/' + q.id; entries[key] = q;
            tbody.appendChild(el('tr', {}, [el('td', { text: group[1] + '：' + q.name }), el('td', { text: limit(q.dailySms) }),
              el('td', { text: limit(q.monthlySms) }), el('td', { text: q.custom ? '已设置' : '默认' })]));
            select.appendChild(el('option', { value: key, text: group[1] + '：' + q.name }));
          });
        });
        if (chosen && entries[chosen]) { select.value = chosen; }
        fill();
      }).catch(function (e) { result(form, e.message, true); });
    }
    select.addEventListener('change', function () { clearErrors(form); fill(); });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault(); clearErrors(form);
      var body = { dailySms: numberOrNull($('quota-daily').value), monthlySms: numberOrNull($('quota-monthly').value) };
      if (select.value === school) { body.recipientDailyMessages = numberOrNull($('quota-recipient').value); }
      api('PUT', '/api/quotas/' + select.value, body).then(load).then(function () { result(form, '额度已保存'); })
        .catch(function (e) { formError(form, e); });
    });
    $('quota-reset').addEventListener('click', function () {
      clearErrors(form);
      api('DELETE', '/api/quotas/' + select.value).then(load).then(function () { result(form, '已恢复默认额度'); })
        .catch(function (e) { result(form, e.message, true); });
    });
    load();
  }

  var pages = { home: home, compose: compose, inbox: inbox, notice: notice, leave: leave, roster: roster, archive: archive, settings: settings };
  var page = document.body.dataset.page;
  if (pages[page]) { pages[page](); }
})();
