// The relay's dashboard: polls /admin/api/seats every second; buttons pause and resume seats.
// Everything shown is set with textContent, never innerHTML.
"use strict";
const POLL_MS = 1000;
// Calls cost fractions of a cent: up to 9 decimals, trailing zeros dropped, at least 2 ($0.50, $0.0000021).
function usd(v) {
  let text = Number(v).toFixed(9).replace(/0+$/, "");
  const decimals = text.length - text.indexOf(".") - 1;
  if (decimals < 2) text += "0".repeat(2 - decimals);
  return "$" + text;
}

async function post(path) {
  const answer = await fetch(path, { method: "POST", credentials: "same-origin",
                                     headers: { "X-Relay-Dashboard": "1" } });
  if (answer.status === 401) { window.location.assign("/admin"); return; }
  const body = await answer.json().catch(() => ({}));
  document.getElementById("status").textContent = answer.ok
    ? (body.paused ? "Paused " : "Resumed ") + (body.seat || "all seats") + "."
    : "Refused: " + (body.message || answer.status);
  await refresh();
}

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function render(data) {
  const tbody = document.querySelector("#seats tbody");
  const rows = [];
  for (const seat of data.seats) {
    const tr = document.createElement("tr");
    tr.dataset.seat = seat.name;
    if (seat.paused) tr.classList.add("paused");
    if (seat.overrun_usd > 0) tr.classList.add("overrun");
    cell(tr, seat.name);
    cell(tr, seat.code);
    cell(tr, usd(seat.budget_usd), "money");
    cell(tr, usd(seat.spent_usd), "money spent");
    cell(tr, usd(seat.reserved_usd), "money");
    cell(tr, usd(seat.remaining_usd), "money");
    cell(tr, String(seat.requests), "requests");
    cell(tr, String(seat.errors));
    let state = seat.paused ? "paused" : "active";
    if (seat.overrun_usd > 0) state += " (OVERRUN: upstream reported " + usd(seat.overrun_usd) + " over the reservation)";
    else if (seat.paused && seat.pause_reason) state += " " + seat.pause_reason;
    cell(tr, state, "state");
    cell(tr, seat.last_error || "", "last-error");
    const td = cell(tr, "");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = seat.paused ? "Resume" : "Pause";
    button.setAttribute("aria-label", button.textContent + " " + seat.name);
    button.addEventListener("click", () =>
      post("/admin/api/seats/" + encodeURIComponent(seat.name) + (seat.paused ? "/resume" : "/pause")));
    td.appendChild(button);
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
  const t = data.totals;
  document.getElementById("totals").textContent = data.seats.length + " seats; spent " + usd(t.spent_usd) +
    " of " + usd(t.budget_usd) + " (" + usd(t.reserved_usd) + " in flight); " + t.requests + " requests.";
}

async function refresh() {
  try {
    const answer = await fetch("/admin/api/seats", { credentials: "same-origin", cache: "no-store" });
    if (answer.status === 401) { window.location.assign("/admin"); return; }
    render(await answer.json());
  } catch (err) {
    document.getElementById("status").textContent = "The relay does not answer (" + err + "); retrying.";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("pause-all").addEventListener("click", () => post("/admin/api/pause-all"));
  document.getElementById("resume-all").addEventListener("click", () => post("/admin/api/resume-all"));
  refresh();
  setInterval(refresh, POLL_MS);
});
