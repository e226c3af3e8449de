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
    detail.textContent = minute(c.occurredAt) + ' \u00b7 rule ' + c.rule + ' v' + c.ruleVersion
        + (c.warning ? ' \u00b7 warning: a repeat would grant ' + points(c.nextOffencePoints)
            : ' \u00b7 granted ' + points(c.granted));
    const fades = document.createElement('span');
    fades.className = 'muted';
    fades.textContent = c.fadesBelowHalfPointAt
        ? 'fades below half a point on ' + day(c.fadesBelowHalfPointAt) : 'never fades';
    reason.append(title, detail, fades);
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
          tooltip: { trigger: 'axis' },
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
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return Math.round(v) + ' min'; } },
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
          tooltip: { formatter: function (p) { return p.data[2]; } },
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

  scorePage();
  dataPage();
}());
