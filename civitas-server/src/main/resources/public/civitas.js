// Civitas pages: charts and live updates drawn on top of what the server already rendered.
(function () {
  'use strict';

  const csrf = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (csrf) {
      event.detail.headers['X-CSRF-Token'] = csrf.content;
    }
  });

  const charts = [];
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });

  function chart(id) {
    const element = document.getElementById(id);
    if (!element || typeof echarts === 'undefined') {
      return null;
    }
    const made = echarts.init(element, null, { renderer: 'canvas' });
    charts.push(made);
    return made;
  }

  // ECharts writes its tooltips as HTML with style attributes, which the Content Security Policy (style-src 'self')
  // refuses to apply. Tooltips are built here as elements with classes instead; a series' colour goes through the
  // style property, which the policy allows, and names and values go in as text, never as markup.
  function tooltipRow(color, name, value) {
    const row = document.createElement('div');
    row.className = 'chart-tip-row';
    const marker = document.createElement('span');
    marker.className = 'chart-tip-marker';
    marker.style.backgroundColor = color;
    const label = document.createElement('span');
    label.className = 'chart-tip-name';
    label.textContent = name;
    const amount = document.createElement('span');
    amount.className = 'chart-tip-value';
    amount.textContent = value;
    row.append(marker, label, amount);
    return row;
  }

  function tooltipOf(title, rows) {
    const tip = document.createElement('div');
    tip.className = 'chart-tip';
    const heading = document.createElement('div');
    heading.className = 'chart-tip-title';
    heading.textContent = title;
    tip.append(heading);
    rows.forEach(function (row) { tip.append(row); });
    return tip;
  }

  function axisTooltip(format) {
    return {
      trigger: 'axis',
      formatter: function (params) {
        return tooltipOf(params.length ? params[0].axisValueLabel : '', params.map(function (p) {
          return tooltipRow(p.color, p.seriesName, format(p.value));
        }));
      }
    };
  }

  function points(value) {
    if (value === 0) {
      return '0';
    }
    const magnitude = Math.abs(value);
    const text = Number.isInteger(magnitude) ? String(magnitude) : magnitude.toFixed(2);
    return (value > 0 ? '+' : '\u2212') + text;
  }

  function day(instant) {
    return instant ? instant.substring(0, 10) : '';
  }

  function minute(instant) {
    return instant.substring(0, 16).replace('T', ' ') + ' UTC';
  }

  // ----- My score -----------------------------------------------------------------------------------------------

  function contributionItem(c, fresh) {
    const item = document.createElement('li');
    item.className = (c.granted < 0 ? 'minus' : c.granted > 0 ? 'plus' : 'zero') + (fresh ? ' new' : '');
    item.dataset.event = c.event;
    const worth = document.createElement('span');
    worth.className = 'worth';
    worth.textContent = points(c.worth);
    const reason = document.createElement('span');
    reason.className = 'reason';
    const title = document.createElement('strong');
    title.textContent = c.title;
    const detail = document.createElement('span');
    detail.className = 'muted';
    detail.textContent = minute(c.occurredAt) + ' \u00b7 in ' + c.occurredIn + ' \u00b7 rule ' + c.rule + ' v'
        + c.ruleVersion + ' of ' + c.jurisdiction
        + (c.warning ? ' \u00b7 warning: a repeat would grant ' + points(c.nextOffencePoints)
            : ' \u00b7 granted ' + points(c.granted));
    const fades = document.createElement('span');
    fades.className = 'muted';
    fades.textContent = c.fadesBelowHalfPointAt
        ? 'fades below half a point on ' + day(c.fadesBelowHalfPointAt) : 'never fades';
    reason.append(title, detail, fades);
    if (c.adoptedBy) {
      const adopted = document.createElement('span');
      adopted.className = 'muted adopted';
      const link = document.createElement('a');
      link.href = '/proposals/' + encodeURIComponent(c.adoptedBy);
      link.textContent = 'adopted by a vote';
      adopted.append('this version of the rule was ', link);
      reason.append(adopted);
    }
    item.append(worth, reason);
    return item;
  }

  function showScore(view) {
    document.getElementById('score-number').textContent = view.score.toFixed(2);
    const asOf = document.getElementById('score-as-of');
    asOf.textContent = minute(view.asOf);
    asOf.setAttribute('datetime', view.asOf);
    const list = document.getElementById('contributions');
    const known = new Set(Array.from(list.children).map(function (li) { return li.dataset.event; }));
    list.replaceChildren.apply(list, view.contributions.map(function (c) {
      return contributionItem(c, known.size > 0 && !known.has(c.event));
    }));
  }

  function scorePage() {
    if (!document.getElementById('trend')) {
      return;
    }
    const trend = chart('trend');
    fetch('/api/v1/me/score/history', { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (history) {
        if (!trend) {
          return;
        }
        trend.setOption({
          tooltip: axisTooltip(function (score) { return score.toFixed(2); }),
          grid: { left: 50, right: 20, top: 20, bottom: 40 },
          xAxis: { type: 'category', data: history.points.map(function (p) { return day(p.at); }) },
          yAxis: { type: 'value', scale: true },
          series: [{ name: 'score', type: 'line', smooth: true, showSymbol: false,
            data: history.points.map(function (p) { return p.score; }) }]
        });
        document.getElementById('trend').dataset.rendered = 'true';
      });
    const status = document.getElementById('live-status');
    const feed = new EventSource('/api/v1/me/feed');
    feed.addEventListener('open', function () { status.textContent = 'Live: new points appear here as they happen.'; });
    feed.addEventListener('score', function (message) { showScore(JSON.parse(message.data)); });
    feed.addEventListener('event', function (message) {
      const event = JSON.parse(message.data);
      status.textContent = 'Just recorded: ' + event.type + ' from ' + event.source + ' (' + event.category + ').';
    });
    feed.addEventListener('error', function () { status.textContent = 'Live updates paused; reconnecting\u2026'; });
  }

  // ----- My data ------------------------------------------------------------------------------------------------

  function stacked(id, labels, series) {
    const target = chart(id);
    if (!target) {
      return;
    }
    target.setOption({
      tooltip: axisTooltip(function (minutes) { return Math.round(minutes) + ' min'; }),
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'minutes' },
      series: series.map(function (s) {
        return { name: s.site, type: 'bar', stack: 'time',
          data: s.seconds.map(function (seconds) { return Math.round(seconds / 60); }) };
      })
    });
    document.getElementById(id).dataset.rendered = 'true';
  }

  function showTrail(target, date, zone) {
    fetch('/api/v1/me/trail?date=' + encodeURIComponent(date) + '&zone=' + encodeURIComponent(zone),
        { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (trail) {
        const path = trail.points.map(function (p) { return [p.lon, p.lat, minute(p.at)]; });
        target.setOption({
          // Kept inside the chart, where ECharts draws a point's tooltip without its arrow, another styled element.
          tooltip: { confine: true, formatter: function (p) { return tooltipOf(p.data[2], []); } },
          grid: { left: 60, right: 20, top: 20, bottom: 40 },
          xAxis: { type: 'value', name: 'longitude', scale: true },
          yAxis: { type: 'value', name: 'latitude', scale: true },
          series: [{ type: 'line', data: path, symbolSize: 8, lineStyle: { width: 3 } }]
        }, true);
        document.getElementById('chart-trail').dataset.rendered = String(path.length);
      });
  }

  function dataPage() {
    const source = document.getElementById('insights-data');
    if (!source) {
      return;
    }
    const insights = JSON.parse(source.textContent);
    stacked('chart-day', insights.days, insights.secondsPerDay);
    stacked('chart-week', insights.weeks, insights.secondsPerWeek);
    const select = document.getElementById('trail-day');
    const trail = chart('chart-trail');
    if (select && trail) {
      select.addEventListener('change', function () { showTrail(trail, select.value, insights.zone); });
      showTrail(trail, select.value, insights.zone);
    }
  }

  // ----- Proposals ----------------------------------------------------------------------------------------------

  function impactPage() {
    const source = document.getElementById('impact-data');
    const target = source && chart('chart-impact');
    if (!target) {
      return;
    }
    const impact = JSON.parse(source.textContent);
    const bins = Array.from(new Set(impact.before.concat(impact.after).map(function (cell) { return cell.from; })))
      .sort(function (a, b) { return a - b; });
    function counts(cells) {
      return bins.map(function (bin) {
        const cell = cells.find(function (c) { return c.from === bin; });
        return cell && cell.people !== null ? cell.people : '-';
      });
    }
    target.setOption({
      tooltip: axisTooltip(function (people) { return people === '-' ? 'not shown' : String(people); }),
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', name: 'score', data: bins.map(function (bin) { return String(bin); }) },
      yAxis: { type: 'value', name: 'people' },
      series: [{ name: 'in force', type: 'bar', data: counts(impact.before) },
        { name: 'as proposed', type: 'bar', data: counts(impact.after) }]
    });
    document.getElementById('chart-impact').dataset.rendered = 'true';
  }

  // Checks a proposal as its author writes it: every problem the server would refuse it for, listed in place.
  function proposeForm() {
    const form = document.getElementById('propose');
    if (!form) {
      return;
    }
    const list = document.getElementById('problems');
    let timer = null;
    function show(problems) {
      list.replaceChildren.apply(list, problems.map(function (problem) {
        const item = document.createElement('li');
        item.className = 'error';
        item.textContent = (problem.field || problem.clause) + ': ' + problem.message;
        return item;
      }));
      form.dataset.checked = String(problems.length);
    }
    function check() {
      let scenarios = [];
      const text = form.elements.scenarios.value.trim();
      if (text) {
        try {
          scenarios = JSON.parse(text);
        } catch (e) {
          show([{ field: 'scenarios', message: 'not JSON yet' }]);
          return;
        }
      }
      const body = {
        jurisdiction: form.elements.jurisdiction.value, title: form.elements.title.value,
        rationale: form.elements.rationale.value, amnesty: form.elements.amnesty.checked, scenarios: scenarios,
        change: { kind: form.elements.kind.value, ruleId: form.elements.ruleId.value,
          rule: form.elements.kind.value === 'retire' ? null : form.elements.rule.value }
      };
      fetch('/api/v1/proposals/check', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ? csrf.content : '' },
        body: JSON.stringify(body) })
        .then(function (response) { return response.json(); })
        .then(function (answer) { show(answer.errors || []); });
    }
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    });
  }

  scorePage();
  dataPage();
  impactPage();
  proposeForm();
}());
