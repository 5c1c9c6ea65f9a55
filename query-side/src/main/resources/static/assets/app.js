// The web application's script: every page reads and writes through the JSON API with the session cookie and the
// page's CSRF token, and shows the API's problems next to the fields, in the user's language.
(function () {
  'use strict';

  const textsNode = document.getElementById('texts');
  const TEXTS = textsNode ? JSON.parse(textsNode.textContent) : {};
  // numbers and dates in the page's language: 5.300 in Vietnamese, 5,300 in English
  const LOCALE = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  const CATEGORIES = ['PUBLIC', 'CIVIL_SERVANTS', 'CULTURE_OFFICIALS', 'CLUB_REPRESENTATIVES', 'OTHER'];

  function t(key, ...args) {
    let text = TEXTS[key] || key;
    args.forEach((arg, i) => { text = text.replace('{' + i + '}', arg); });
    return text;
  }

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    });
    return node;
  }

  /** Without case and diacritics: "Nguyễn Văn Đức" and "nguyen van duc" fold alike. */
  function fold(text) {
    return (text || '').normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }

  function csrfHeaders() {
    const token = $('meta[name="_csrf"]');
    const header = $('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  /** Calls the API; answers {ok, status, body, etag}. A network failure is a problem of its own. */
  async function api(method, path, body, headers) {
    const init = { method, credentials: 'same-origin', headers: Object.assign({ Accept: 'application/json' },
      csrfHeaders(), headers || {}) };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      const response = await fetch(path, init);
      const type = response.headers.get('Content-Type') || '';
      const answer = type.includes('json') ? await response.json() : null;
      return { ok: response.ok, status: response.status, body: answer, etag: response.headers.get('ETag') };
    } catch (e) {
      return { ok: false, status: 0, body: { code: 'network', detail: t('error.network') } };
    }
  }

  function problemText(problem) {
    if (!problem) return t('error.generic');
    if (problem.code === 'network') return t('error.network');
    const key = 'problem.' + problem.code;
    return TEXTS[key] ? TEXTS[key] : (problem.detail || t('error.generic'));
  }

  /** Shows a problem: each field's message next to its field in {@code root}, the whole in {@code alert}. */
  function showProblem(root, alert, problem) {
    clearProblems(root);
    const errors = (problem && problem.errors) || [];
    let placed = false;
    errors.forEach(error => {
      const field = String(error.field || '');
      const slot = root && (root.querySelector(`[data-field="${CSS.escape(field)}"]`)
        || root.querySelector(`[data-field="${CSS.escape(field.split(/[.[]/)[0])}"]`));
      if (slot) {
        slot.textContent = TEXTS['problem.' + problem.code + '.' + error.field] || localizedFieldMessage(problem, error);
        slot.hidden = false;
        placed = true;
      }
    });
    if (alert) {
      alert.textContent = problemText(problem);
      alert.hidden = false;
    } else if (!placed) {
      window.alert(problemText(problem));
    }
  }

  function localizedFieldMessage(problem, error) {
    const message = error.message || '';
    if (/blank|null|empty/i.test(message)) return t('field.required');
    const size = /between (\d+) and (\d+)/.exec(message);
    if (size) return t('field.size', size[1], size[2]);
    if (/size must be|at most|too long/i.test(message)) return t('field.tooLong');
    if (/greater than or equal to 0|negative/i.test(message)) return t('field.negative');
    if (problem.code === 'invalid-field' || /format|pattern/i.test(message)) return t('field.format');
    return TEXTS['problem.' + problem.code] || message;
  }

  /** A form's fields as a JSON body: lists from multi-selects and line-per-item text areas, numbers, local times. */
  function formJson(form) {
    const body = {};
    Array.from(form.elements).forEach(field => {
      if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button') return;
      const type = field.dataset.type;
      if (field.type === 'select-multiple') {
        body[field.name] = Array.from(field.selectedOptions).map(option => option.value);
      } else if (type === 'lines') {
        body[field.name] = field.value.split('\n').map(line => line.trim()).filter(Boolean);
      } else if (field.value !== '') {
        if (type === 'number') body[field.name] = Number(field.value);
        else if (type === 'local-datetime') body[field.name] = field.value + (field.value.length === 16 ? ':00' : '') + '+07:00';
        else body[field.name] = field.value;
      }
    });
    return body;
  }

  /**
   * Sends a form to the API path in its data-path ({name} taken from the form's field of that name) and shows the
   * answer: problems next to the fields and in the form's alert, or the saved mark.
   */
  function apiForm(form, onDone) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = formJson(form);
      const path = form.dataset.path.replace(/\{(\w+)\}/g, (match, name) => {
        const value = body[name];
        delete body[name];
        return encodeURIComponent(value || '-');
      });
      const alert = form.querySelector('.form-alert');
      if (alert) alert.hidden = true;
      const answer = await api(form.dataset.method || 'POST', path, body);
      if (!answer.ok) { showProblem(form, alert, answer.body); return; }
      clearProblems(form);
      flash(form.querySelector('.form-ok'));
      if (onDone) await onDone(answer, body);
    });
  }

  /** Fills every select.unit-options on the page with the units the user may see. */
  async function loadUnits() {
    const answer = await api('GET', '/api/v1/units');
    if (!answer.ok) return [];
    $$('select.unit-options').forEach(select => {
      const keep = Array.from(select.options).filter(option => option.value === '');
      select.replaceChildren(...keep, ...answer.body.units.map(unit =>
        el('option', { value: unit.unitId, 'data-kind': unit.kind }, unit.name)));
    });
    return answer.body.units;
  }

  /** A search box (input.member-search, data-target the select) that lists the members matching what is typed. */
  function memberSearch(input) {
    const select = document.getElementById(input.dataset.target);
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const answer = await api('GET', '/api/v1/members?size=50&q=' + encodeURIComponent(input.value));
        if (!answer.ok) return;
        select.replaceChildren(...answer.body.items.map(member => el('option', { value: member.memberId },
          member.fullName + ' — ' + (member.unitName || ''))));
      }, 200);
    });
  }

  function clearProblems(root) {
    $$('.field-error', root || document).forEach(slot => { slot.textContent = ''; });
  }

  function flash(node) {
    if (!node) return;
    node.hidden = false;
    setTimeout(() => { node.hidden = true; }, 2500);
  }

  function formatWhen(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    return date.toLocaleString(LOCALE,
      { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'medium', timeStyle: 'short' });
  }

  async function waitFor(check, timeoutMs) {
    const deadline = Date.now() + (timeoutMs || 8000);
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise(resolve => setTimeout(resolve, 150));
    }
    return false;
  }

  // ---- dashboard

  const charts = {};

  function drawChart(id, config) {
    if (!window.Chart) return;
    if (charts[id]) charts[id].destroy();
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  function previousQuarters(quarter, count) {
    let [year, q] = quarter.split('-Q').map(Number);
    const list = [];
    for (let i = 0; i < count; i++) {
      list.unshift(year + '-Q' + q);
      q -= 1;
      if (q === 0) { q = 4; year -= 1; }
    }
    return list;
  }

  async function dashboard() {
    const form = $('#dashboard-filter');
    const params = new URLSearchParams(location.search);
    if (params.get('quarter')) form.quarter.value = params.get('quarter');
    if (params.get('asOf')) form.asOf.value = params.get('asOf');
    form.addEventListener('submit', event => {
      event.preventDefault();
      const query = new URLSearchParams({ quarter: form.quarter.value });
      if (form.asOf.value) query.set('asOf', form.asOf.value);
      history.replaceState(null, '', '?' + query);
      loadDashboard(form.quarter.value, form.asOf.value);
    });
    await loadDashboard(form.quarter.value, form.asOf.value);
  }

  async function loadDashboard(quarter, asOfDate) {
    const asOf = asOfDate ? '&asOf=' + encodeURIComponent(asOfDate + 'T23:59:59+07:00') : '';
    ['csv', 'xlsx', 'pdf'].forEach(format => {
      // in the page's language, whatever the browser's Accept-Language says
      $('#report-' + format).href = `/api/v1/reports/quarterly?quarter=${quarter}&format=${format}`
        + `&lang=${document.documentElement.lang === 'en' ? 'en' : 'vi'}` + asOf;
    });
    const trend = previousQuarters(quarter, 8);
    const [units, quarters] = await Promise.all([
      api('GET', `/api/v1/stats/units?quarter=${encodeURIComponent(quarter)}${asOf}`),
      api('GET', `/api/v1/stats/quarters?from=${trend[0]}&to=${quarter}${asOf}`)]);
    if (!units.ok) { showProblem(null, null, units.body); return; }
    $('#position').textContent = t('dashboard.position') + ' ' + units.body.position;
    const rows = units.body.units;
    const tbody = $('#units tbody');
    tbody.replaceChildren(...rows.map(unit => el('tr', { 'data-unit': unit.unitId },
      el('td', {}, unit.unitNameThen || unit.unitName || unit.unitId),
      el('td', { class: 'n' }, unit.sessionsPlanned), el('td', { class: 'n' }, unit.sessionsHeld),
      el('td', { class: 'n' }, unit.sessionsCancelled), el('td', { class: 'n' }, unit.membersExpected),
      el('td', { class: 'n' }, unit.membersPresent),
      el('td', { class: 'n' }, unit.attendanceRate === null ? '–' : Math.round(unit.attendanceRate * 100) + ' %'),
      el('td', { class: 'n' }, Object.values(unit.guests || {}).reduce((a, b) => a + b, 0)),
      el('td', { class: 'n' }, unit.performanceAudience))));
    const members = rows.reduce((sum, unit) => sum + unit.membersPresent, 0);
    const guests = {};
    CATEGORIES.forEach(category => {
      guests[category] = rows.reduce((sum, unit) => sum + ((unit.guests || {})[category] || 0), 0);
    });
    const guestTotal = Object.values(guests).reduce((a, b) => a + b, 0);
    const audience = rows.reduce((sum, unit) => sum + unit.performanceAudience, 0);
    $('#totals').replaceChildren(
      el('div', { class: 'total', id: 'total-members' }, el('strong', {}, members.toLocaleString(LOCALE)), t('dashboard.members')),
      el('div', { class: 'total', id: 'total-guests' }, el('strong', {}, guestTotal.toLocaleString(LOCALE)), t('dashboard.guests'),
        el('ul', {}, CATEGORIES.map(c => el('li', {}, t('guest.' + c) + ': ' + guests[c].toLocaleString(LOCALE))))),
      el('div', { class: 'total', id: 'total-audience' }, el('strong', {}, audience.toLocaleString(LOCALE)), t('dashboard.audience')),
      el('div', { class: 'total', id: 'total-all' }, el('strong', {}, (members + guestTotal + audience).toLocaleString(LOCALE)),
        t('dashboard.total')));
    const rated = rows.filter(unit => unit.attendanceRate !== null);
    drawChart('rate-chart', { type: 'bar', data: {
      labels: rated.map(unit => unit.unitNameThen || unit.unitName),
      datasets: [{ label: t('unit.rate'), data: rated.map(unit => Math.round(unit.attendanceRate * 1000) / 10),
        backgroundColor: '#c62828' }] },
      options: { indexAxis: 'y', animation: false, scales: { x: { min: 0, max: 100 } }, maintainAspectRatio: false } });
    if (quarters.ok) {
      const list = quarters.body.quarters;
      drawChart('trend-chart', { type: 'line', data: { labels: list.map(q => q.quarter), datasets: [
        { label: t('dashboard.members'), data: list.map(q => q.memberAttendances), borderColor: '#c62828' },
        { label: t('dashboard.guests'), data: list.map(q => q.guestAttendances), borderColor: '#f9a825' },
        { label: t('dashboard.audience'), data: list.map(q => q.performanceAudience), borderColor: '#1565c0' }] },
        options: { animation: false, maintainAspectRatio: false } });
    }
  }

  // ---- sessions

  async function sessions() {
    const form = $('#sessions-filter');
    let page = 0;
    const list = $('#session-list');
    async function load(reset) {
      if (reset) { page = 0; list.replaceChildren(); }
      const query = new URLSearchParams({ page, size: 20 });
      if (form.quarter.value) query.set('quarter', form.quarter.value);
      if (form.status.value) query.set('status', form.status.value);
      if (form.unitId.value) query.set('unitId', form.unitId.value);
      const answer = await api('GET', '/api/v1/sessions?' + query);
      if (!answer.ok) { showProblem(null, null, answer.body); return; }
      answer.body.items.forEach(item => list.append(el('li', {},
        el('a', { href: '/ui/sessions/' + item.id, class: 'session-link' }, item.topic),
        el('div', { class: 'muted' }, formatWhen(item.scheduledAt) + ' · ' + item.units.map(u => u.unitName).join(', ')),
        el('span', { class: 'badge status-' + item.status }, t('status.' + item.status)))));
      $('#sessions-empty').hidden = list.children.length > 0;
      $('#sessions-more').hidden = (page + 1) * answer.body.size >= answer.body.total;
    }
    form.addEventListener('submit', event => { event.preventDefault(); load(true); });
    $('#sessions-more').addEventListener('click', () => { page += 1; load(false); });
    let token = null;
    $('#calendar-create').addEventListener('click', async () => {
      const answer = await api('POST', '/api/v1/calendar-tokens');
      if (!answer.ok) { showProblem(null, null, answer.body); return; }
      token = answer.body.token;
      $('#calendar-urls').replaceChildren(...answer.body.feedUrls.map(url => el('li', {},
        el('a', { href: url.replace(/^https?:/, 'webcal:') }, url))));
      $('#calendar-revoke').hidden = false;
    });
    $('#calendar-revoke').addEventListener('click', async () => {
      const answer = await api('DELETE', '/api/v1/calendar-tokens/' + encodeURIComponent(token));
      if (!answer.ok && answer.status !== 204) { showProblem(null, null, answer.body); return; }
      $('#calendar-urls').replaceChildren(el('li', {}, t('calendar.revoked')));
      $('#calendar-revoke').hidden = true;
    });
    const schedule = $('#schedule-form');
    if (schedule) {
      apiForm(schedule, async answer => { location.href = '/ui/sessions/' + answer.body.id; });
    }
    await loadUnits();
    await load(true);
  }

  // ---- one session

  const MARKS = [
    { key: 'present', status: 'PRESENT', mode: 'IN_PERSON', label: 'session.present' },
    { key: 'online', status: 'PRESENT', mode: 'ONLINE', label: 'session.onlinePresent' },
    { key: 'excused', status: 'ABSENT_EXCUSED', mode: null, label: 'session.excused' },
    { key: 'absent', status: 'ABSENT_UNEXCUSED', mode: null, label: 'session.absent' }];

  function markOf(entry) {
    if (!entry || !entry.status) return null;
    return MARKS.find(mark => mark.status === entry.status && (mark.mode === null || mark.mode === (entry.mode || 'IN_PERSON'))) || null;
  }

  async function sessionPage() {
    const id = document.body.dataset.sessionId;
    const path = '/api/v1/sessions/' + id;
    const state = { session: null, marks: new Map(), recorded: new Map() };

    async function load() {
      const [detail, roster] = await Promise.all([api('GET', path), api('GET', path + '/expected-members')]);
      if (!detail.ok) { showProblem(null, $('#page-error'), detail.body); return; }
      state.session = detail.body;
      renderDetails(detail.body);
      if (roster.ok) renderChecklist(roster.body);
      renderPerformances(detail.body);
    }

    function renderDetails(session) {
      $('#topic').textContent = session.topic;
      $('#status').textContent = t('status.' + session.status);
      $('#status').className = 'badge status-' + session.status;
      $('#when').textContent = formatWhen(session.scheduledAt);
      $('#units').textContent = session.units.map(unit => unit.unitName).join(', ');
      $('#venue').textContent = [session.venue, session.onlineUrl].filter(Boolean).join(' · ');
      $('#presenter').textContent = session.presenter || '';
      $('#host').textContent = session.host || '';
      $('#basis').textContent = (session.basisDocuments || []).join('; ');
      CATEGORIES.forEach(category => {
        $('#guest-' + category).value = (session.guests || {})[category] || 0;
      });
      const counts = session.counts || { membersPresent: 0, membersRecorded: 0 };
      $('#attendance-counts').textContent = t('session.counts', counts.membersPresent, counts.membersRecorded);
      const submitted = ['SUBMITTED', 'ACKNOWLEDGED'].includes(session.status);
      const locked = submitted || session.status === 'RETURNED';
      // after a submission (also when returned) a change is a correction with a reason
      $('#submitted-note').hidden = !locked;
      $('#correction-form').hidden = !locked;
      $('#save-correction').hidden = !locked;
      $('#save-attendance').hidden = locked || session.status === 'CANCELLED';
      $('#submit-card').hidden = submitted || session.status === 'CANCELLED';
      const review = $('#review-card');
      if (review) review.hidden = session.status !== 'SUBMITTED';
    }

    function renderPerformances(session) {
      const locked = ['SUBMITTED', 'ACKNOWLEDGED', 'RETURNED'].includes(session.status);
      $('#performance-add').hidden = locked || session.status === 'CANCELLED';
      $('#performance-list').replaceChildren(...(session.performances || []).map(performance => el('li',
        { 'data-performance': performance.performanceId },
        el('strong', {}, performance.title), ' · ', performance.genre || '',
        el('div', { class: 'muted' }, [performance.venue, performance.performedOn].filter(Boolean).join(' · ')),
        locked
          ? el('label', {}, el('span', {}, t('performance.correct')),
              el('input', { type: 'number', min: '0', class: 'audience-correction', value: performance.audience,
                'data-performance': performance.performanceId, 'data-recorded': performance.audience }))
          : el('div', {}, t('performance.audience') + ': ' + Number(performance.audience).toLocaleString(LOCALE)))));
    }

    function renderChecklist(roster) {
      state.recorded.clear();
      roster.expected.forEach(member => {
        state.recorded.set(member.memberId, markOf(member));
        if (!state.marks.has(member.memberId)) state.marks.set(member.memberId, markOf(member));
      });
      const severalUnits = new Set(roster.expected.map(member => member.unitId)).size > 1;
      $('#checklist').replaceChildren(...roster.expected.map(member => {
        const buttons = MARKS.map(mark => el('button', { type: 'button', class: 'mark mark-' + mark.key,
          'data-mark': mark.key, 'aria-pressed': String(state.marks.get(member.memberId) === mark),
          onclick: () => { state.marks.set(member.memberId, mark); refreshMarks(); } }, t(mark.label)));
        return el('li', { 'data-member': member.memberId, 'data-name': fold(member.fullName) },
          el('span', { class: 'name' }, member.fullName),
          severalUnits ? el('span', { class: 'unit muted' }, member.unitName || '') : null,
          el('span', { class: 'marks' }, buttons));
      }));
      $('#exempt-list').replaceChildren(...roster.exempt.map(member =>
        el('li', {}, member.fullName + ' — ' + t('session.exempt'))));
    }

    function refreshMarks() {
      $$('#checklist li').forEach(item => {
        const mark = state.marks.get(item.dataset.member);
        $$('.mark', item).forEach(button => button.setAttribute('aria-pressed', String(!!mark && button.dataset.mark === mark.key)));
      });
    }

    function entries(onlyChanged) {
      const list = [];
      state.marks.forEach((mark, memberId) => {
        if (!mark) return;
        if (onlyChanged && state.recorded.get(memberId) === mark) return;
        list.push({ memberId, status: mark.status, mode: mark.mode });
      });
      return list;
    }

    async function afterWrite(answer, saved, root) {
      if (!answer.ok) { showProblem(root, null, answer.body); return false; }
      clearProblems(root);
      // what was marked is saved: from now on the checklist shows what is recorded, others' changes included
      state.marks.clear();
      const version = answer.body.version;
      await waitFor(async () => {
        const detail = await api('GET', path);
        return detail.ok && detail.body.version >= version;
      });
      await load();
      flash(saved);
      return true;
    }

    function ifMatch() {
      return state.session ? { 'If-Match': '"' + state.session.version + '"' } : {};
    }

    $('#member-search').addEventListener('input', event => {
      const query = fold(event.target.value);
      $$('#checklist li').forEach(item => { item.hidden = query !== '' && !item.dataset.name.includes(query); });
    });
    $('#all-present').addEventListener('click', () => {
      $$('#checklist li').forEach(item => state.marks.set(item.dataset.member, MARKS[0]));
      refreshMarks();
    });
    $('#save-attendance').addEventListener('click', async () => {
      const answer = await api('POST', path + '/attendance', { entries: entries(false) }, ifMatch());
      await afterWrite(answer, $('#attendance-saved'), $('#attendance-card'));
    });
    $('#save-correction').addEventListener('click', async () => {
      const performances = $$('.audience-correction')
        .filter(input => input.value.trim() !== '' && input.value !== input.dataset.recorded)
        .map(input => ({ performanceId: input.dataset.performance, audience: Number(input.value) }));
      const correction = { reason: $('#correction-reason').value };
      const changed = entries(true);
      if (changed.length) correction.attendance = changed;
      if (performances.length) correction.performances = performances;
      const answer = await api('POST', path + '/corrections', correction, ifMatch());
      if (await afterWrite(answer, $('#attendance-saved'), $('#attendance-card'))) $('#correction-reason').value = '';
    });
    $('#save-guests').addEventListener('click', async () => {
      const counts = {};
      CATEGORIES.forEach(category => { counts[category] = Number($('#guest-' + category).value || 0); });
      const locked = ['SUBMITTED', 'ACKNOWLEDGED', 'RETURNED'].includes(state.session.status);
      const answer = locked
        ? await api('POST', path + '/corrections', { reason: $('#correction-reason').value, guests: counts }, ifMatch())
        : await api('POST', path + '/guests', { counts }, ifMatch());
      await afterWrite(answer, $('#guests-saved'), locked ? $('main') : $('#guests-card'));
    });
    $('#submit-form').addEventListener('submit', async event => {
      event.preventDefault();
      const answer = await api('POST', path + '/submit', { minutesSummary: $('#minutes').value }, ifMatch());
      await afterWrite(answer, null, $('#submit-card'));
    });
    $('#performance-form').dataset.path = path + '/performances';
    apiForm($('#performance-form'), async answer => {
      $('#performance-form').reset();
      await afterWrite(answer, null, $('#performances-card'));
    });
    const reviewForm = $('#review-form');
    if (reviewForm) {
      reviewForm.addEventListener('submit', async event => {
        event.preventDefault();
        const decision = event.submitter ? event.submitter.value : 'ACKNOWLEDGED';
        const answer = await api('POST', path + '/review', { decision, comment: $('#review-comment').value || null },
          ifMatch());
        await afterWrite(answer, null, $('#review-card'));
      });
    }
    const units = await loadUnits();
    if (units.length === 0) {
      // a reader who sees no unit list still logs for the session's own units
      $('#performance-unit').replaceChildren();
    }
    await load();
    const first = state.session && state.session.units[0];
    if (first && !$('#performance-unit').value) {
      $('#performance-unit').append(el('option', { value: first.unitId }, first.unitName));
    }
  }

  // ---- history

  const MARK_TEXT = { PRESENT: 'session.present', ABSENT_EXCUSED: 'session.excused', ABSENT_UNEXCUSED: 'session.absent' };

  function entryText(entry, names) {
    if (!entry) return t('history.none');
    const mark = entry.status === 'PRESENT' && entry.mode === 'ONLINE' ? 'session.onlinePresent' : MARK_TEXT[entry.status];
    return t(mark) + (entry.note ? ' (' + entry.note + ')' : '');
  }

  function countsText(counts) {
    return CATEGORIES.filter(c => counts && counts[c]).map(c => t('guest.' + c) + ': ' + counts[c]).join('; ') || '0';
  }

  /** What an event says, in the user's language: one line, and for a correction each change beside the original. */
  function describe(event, names) {
    const p = event.payload || {};
    const name = id => names.get(id) || id;
    switch (event.type) {
      case 'SessionScheduled':
        return [t('history.scheduled', p.topic, formatWhen(p.scheduledAt), p.venue || p.onlineUrl || '')];
      case 'SessionRescheduled':
        return [t('history.rescheduled', formatWhen(p.previousScheduledAt), formatWhen(p.scheduledAt))];
      case 'SessionCancelled':
        return [t('history.cancelled')];
      case 'AttendanceRecorded': {
        const present = p.entries.filter(e => e.status === 'PRESENT').length;
        return [t('history.attendance', p.entries.length, present)];
      }
      case 'AttendanceCorrected':
        return p.entries.map((entry, i) => name(entry.memberId) + ': ' + entryText((p.previousEntries || [])[i], names)
          + ' → ' + entryText(entry, names));
      case 'GuestsCounted':
        return [countsText(p.counts)];
      case 'GuestsCorrected':
        return [countsText(p.previousCounts) + ' → ' + countsText(p.counts)];
      case 'PerformanceLogged':
        return [t('history.performance', p.title, p.venue, Number(p.audience).toLocaleString(LOCALE))];
      case 'PerformanceCorrected':
        return [t('performance.audience') + ': ' + Number(p.previousAudience).toLocaleString(LOCALE) + ' → '
          + Number(p.audience).toLocaleString(LOCALE)];
      case 'DiscussionNoted':
        return [t('history.discussion', p.contributions) + (p.summary ? ': ' + p.summary : '')];
      case 'RecordSubmitted':
        return [p.minutesSummary];
      case 'RecordReviewed':
        return [t('history.reviewed.' + p.decision) + (p.comment ? ': ' + p.comment : '')];
      default:
        return [];
    }
  }

  async function historyPage() {
    const id = document.body.dataset.sessionId;
    const [answer, roster] = await Promise.all([api('GET', '/api/v1/sessions/' + id + '/history'),
      api('GET', '/api/v1/sessions/' + id + '/expected-members')]);
    if (!answer.ok) { showProblem(null, null, answer.body); return; }
    const names = new Map();
    if (roster.ok) {
      roster.body.expected.concat(roster.body.exempt).forEach(member => names.set(member.memberId, member.fullName));
    }
    $('#timeline').replaceChildren(...answer.body.items.map(event => {
      const who = event.recordedBy ? event.recordedBy.userId + ' (' + t('role.' + event.recordedBy.role) + ')' : '?';
      const correction = event.type.endsWith('Corrected');
      return el('li', { class: 'event' + (correction ? ' correction' : ''), 'data-type': event.type },
        el('div', { class: 'when' }, formatWhen(event.recordedAt) + ' · ' + t('history.by') + ' ' + who),
        el('strong', {}, t('event.' + event.type)),
        event.payload && event.payload.reason ? el('div', { class: 'reason' }, t('history.reason') + ': '
          + event.payload.reason) : null,
        el('ul', { class: 'changes' }, describe(event, names).map(line => el('li', {}, line))),
        el('details', {}, el('summary', {}, t('history.raw')),
          el('pre', { class: 'payload' }, JSON.stringify({ payload: event.payload, metadata: event.metadata }, null, 1))));
    }));
  }

  // ---- review queue

  async function reviewPage() {
    const answer = await api('GET', '/api/v1/sessions?status=SUBMITTED&size=100');
    if (!answer.ok) { showProblem(null, null, answer.body); return; }
    $('#review-list').replaceChildren(...answer.body.items.map(item => el('li', {},
      el('a', { href: '/ui/sessions/' + item.id, class: 'session-link' }, item.topic),
      el('div', { class: 'muted' }, formatWhen(item.scheduledAt) + ' · ' + item.units.map(u => u.unitName).join(', ')))));
    $('#review-empty').hidden = answer.body.items.length > 0;
  }

  // ---- office

  async function officePage() {
    document.addEventListener('click', async event => {
      const button = event.target.closest('button.rebuild');
      if (!button) return;
      button.disabled = true;
      const name = button.dataset.name;
      const answer = await api('POST', '/api/v1/admin/projections/' + name + '/rebuild');
      if (!answer.ok) { showProblem(null, null, answer.body); button.disabled = false; return; }
      const statusUrl = '/api/v1/admin/projections/' + name + '/rebuilds/' + answer.body.rebuildId;
      $('#rebuild-progress').hidden = false;
      $('#rebuild-name').textContent = name;
      await waitFor(async () => {
        const status = await api('GET', statusUrl);
        if (!status.ok) return true;
        const percent = status.body.state === 'DONE' ? 100 : Math.floor(status.body.progress * 100);
        $('#rebuild-bar').value = percent;
        $('#rebuild-percent').textContent = percent + ' %';
        $('#rebuild-state').textContent = status.body.state;
        $('#rebuild-events').textContent = status.body.eventsDone + '/' + status.body.eventsTotal;
        return ['DONE', 'FAILED'].includes(status.body.state);
      }, 3600000);
      button.disabled = false;
    });
    async function checkpoint() {
      const answer = await api('GET', '/api/v1/audit/checkpoint');
      $('#checkpoint').textContent = answer.ok
        ? `${t('office.checkpoint')}: ${answer.body.treeSize} · ${formatWhen(answer.body.signedAt)} · ${answer.body.rootHash}`
        : problemText(answer.body);
    }
    $('#sign-checkpoint').addEventListener('click', async () => {
      const answer = await api('POST', '/api/v1/audit/checkpoint');
      if (!answer.ok) showProblem(null, null, answer.body);
      await checkpoint();
    });
    const form = $('#import-form');
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const dryRun = event.submitter ? event.submitter.value : 'true';
      const data = new FormData();
      data.append('file', $('#import-file').files[0]);
      const answer = await api('POST', '/api/v1/roster/imports?dryRun=' + dryRun, data);
      const result = $('#import-result');
      if (!answer.ok) {
        result.textContent = problemText(answer.body) + '\n' + (answer.body.errors || [])
          .map(error => `${error.row} · ${error.column || ''} · ${error.message}`).join('\n');
        return;
      }
      if (dryRun === 'true') {
        result.textContent = JSON.stringify(answer.body.counts, null, 1) + '\n' + answer.body.errors
          .concat(answer.body.warnings || [])
          .map(issue => `${issue.row} · ${issue.column || ''} · ${issue.message}`).join('\n');
        return;
      }
      const statusUrl = '/api/v1/roster/imports/' + answer.body.importId;
      await waitFor(async () => {
        const status = await api('GET', statusUrl);
        if (!status.ok || !status.body) { result.textContent = problemText(status.body); return true; }
        result.textContent = `${status.body.state} · ${status.body.rowsDone}/${status.body.rowsTotal}`
          + (status.body.errors || []).map(error => `\n${error.row} · ${error.column || ''} · ${error.message}`).join('');
        return ['SUCCEEDED', 'FAILED'].includes(status.body.state);
      }, 600000);
    });
    $$('form.api-form').forEach(form => apiForm(form, async () => {
      form.reset();
      if (form.id === 'unit-form') await loadUnits();
    }));
    $$('input.member-search').forEach(memberSearch);
    await loadUnits();
    await checkpoint();
  }

  const pages = { dashboard, sessions, session: sessionPage, history: historyPage, review: reviewPage,
    office: officePage };
  document.addEventListener('DOMContentLoaded', () => {
    const page = pages[document.body.dataset.page];
    if (page) page();
  });
}());
