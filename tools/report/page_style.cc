#include "tools/report/page_style.h"

namespace zeren::report {

const char kPageStyle[] = R"css(
:root{--ink:#1f2d3a;--muted:#6b7b8c;--line:#e3e8ee;--paper:#f6f8fa;--accent:#b03a2e}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);
 font:15px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
header.top{background:#7b1e1e;background:linear-gradient(90deg,#7b1e1e,#a93226);color:#fff;padding:28px 0 22px}
header.top h1{margin:0;font-size:26px;font-weight:650;letter-spacing:.02em}
header.top .en{color:#f5d5d0}
header.top p{margin:6px 0 0;color:#f8e5e2;font-size:14px}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line)}
nav.toc .wrap{display:flex;flex-wrap:wrap;gap:4px 18px;padding-top:8px;padding-bottom:8px}
nav.toc a{color:var(--ink);text-decoration:none;font-size:14px}
nav.toc a:hover{color:var(--accent)}
section{background:#fff;border:1px solid var(--line);border-radius:10px;margin:22px 0;padding:20px 26px 24px}
h2{margin:0 0 14px;font-size:21px;font-weight:650;border-left:4px solid var(--accent);padding-left:10px}
h3{margin:22px 0 8px;font-size:16px;font-weight:620}
.en{color:var(--muted);font-weight:400;font-size:.86em}
p.note,.note{color:var(--muted);font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(132px,1fr));gap:12px;margin:4px 0 16px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fbfcfd}
.card b{display:block;font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
.card span{font-size:13px;color:var(--muted)}
.card.alert b{color:#c0392b}
.card.ok b{color:#1e8449}
table.data{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0 10px}
table.data th{text-align:left;font-weight:600;background:#f3f5f8;border-bottom:2px solid var(--line);padding:6px 8px;white-space:nowrap}
table.data td{border-bottom:1px solid var(--line);padding:5px 8px;vertical-align:top}
table.data td.num,table.data th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer}
table.sortable th[data-sort]::after{content:" ▾";color:var(--muted)}
table.sortable th[data-sort=asc]::after{content:" ▴"}
.badge{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:12px;white-space:nowrap}
.flag{display:inline-block;padding:0 6px;margin:0 3px 2px 0;border:1px solid var(--line);border-radius:4px;font-size:12px;color:var(--muted)}
details{margin:2px 0}
details summary{cursor:pointer;color:#2e5c8a;font-size:13px}
details ul{margin:6px 0 4px;padding-left:20px;font-size:13px;color:#34495e}
details.block{border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:8px 0}
details.block>summary{font-size:14px;color:var(--ink);font-weight:600}
.figure{overflow-x:auto;margin:8px 0 4px}
svg.chart{max-width:100%;height:auto;display:block}
svg.chart text{font-size:12px;fill:#2c3e50}
svg.chart .v{fill:#6b7b8c;font-size:11px;font-weight:400}
svg.chart .b{font-weight:600}
svg.chart text.in{fill:#fff;font-size:11px;font-weight:600}
svg.chart .grid{stroke:#e8ecef}
svg.chart .mark path{fill:#c0392b}
svg.chart text.mark{fill:#c0392b;font-weight:600}
svg.chart line.divider{stroke:#8e44ad;stroke-dasharray:5 4;stroke-width:1.5}
svg.chart text.divider{fill:#8e44ad;font-size:11px}
svg.chart .edge{fill:none;stroke:#aab7c4;stroke-width:1.2}
svg.chart text.fold{fill:#7f8c8d;font-size:11px;font-weight:600}
svg.chart .shadow{fill:#eef1f4;stroke:#c5ced8}
svg.chart .more rect{fill:#f7f9fa;stroke:#aab7c4;stroke-dasharray:4 3}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px;margin:4px 0 8px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:6px 28px}
.incident h3{margin-bottom:2px}
input.filter{font:inherit;font-size:13px;padding:4px 8px;border:1px solid var(--line);border-radius:6px;width:280px;margin:4px 0}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 28px}
@media print{nav.toc{display:none}section{break-inside:avoid-page;border:none}}
)css";

// Optional: click a header to sort, type to filter. The page is complete without it.
const char kPageScript[] = R"js(
(function () {
  function key(cell) {
    var text = cell.getAttribute('data-key') || cell.textContent.trim();
    var n = parseFloat(text.replace(/,/g, ''));
    return isNaN(n) ? text : n;
  }
  function sort(table, column, th) {
    var asc = th.getAttribute('data-sort') !== 'asc';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('data-sort'); });
    th.setAttribute('data-sort', asc ? 'asc' : 'desc');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      var c = (typeof x === typeof y) ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === 'number' ? -1 : 1);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.addEventListener('click', function () { sort(table, i, th); });
    });
  });
  document.querySelectorAll('input.filter').forEach(function (input) {
    var scope = document.getElementById(input.getAttribute('data-target'));
    input.hidden = false;
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      scope.querySelectorAll('tbody tr').forEach(function (r) {
        r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  });
})();
)js";

}  // namespace zeren::report
