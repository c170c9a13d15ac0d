// The desk page: calls the /v1 API of the same server; no library, no network beyond it.
"use strict";

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];
const UNITS = { working_days: "ngày làm việc", days: "ngày", hours: "giờ làm việc", months: "tháng", immediate: "giải quyết ngay" };
const $ = (id) => document.getElementById(id);
let procedures = [];
let lastDue = null;
let shown = null; // [year, month] of the month view

function headers(extra) {
  const h = Object.assign({ Accept: "application/json" }, extra || {});
  const key = sessionStorage.getItem("cchc-api-key");
  if (key) h["X-API-Key"] = key;
  return h;
}

async function call(path, options) {
  const opts = Object.assign({}, options || {});
  opts.headers = headers(opts.headers);
  const response = await fetch(path, opts);
  if (response.status === 401) {
    $("key-box").hidden = false;
  }
  if (!response.ok) {
    let message = "Lỗi " + response.status;
    try {
      const problem = await response.json();
      message = problem.message_vi || problem.detail || message;
    } catch (e) { /* not a problem document */ }
    throw new Error(message);
  }
  return response;
}

function pad(n) { return String(n).padStart(2, "0"); }

// "2025-02-07T17:00:00+07:00" -> "17:00 Thứ Sáu, ngày 07/02/2025" (the moment is in Vietnam time)
function moment(iso) {
  const [d, t] = iso.split("T");
  const [y, m, day] = d.split("-").map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, day)).getUTCDay() + 6) % 7];
  return t.slice(0, 5) + " " + weekday + ", ngày " + pad(day) + "/" + pad(m) + "/" + y;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

function limitText(p, channel) {
  let limit = p.time_limit;
  for (const terms of p.channels || []) {
    if (terms.channel === channel && terms.time_limit) limit = terms.time_limit;
  }
  if (limit.text) return limit.text;
  return limit.amount === null ? UNITS[limit.unit] : limit.amount + " " + UNITS[limit.unit];
}

function onProcedure() {
  const p = chosen();
  $("limit-row").hidden = Boolean(p);
  $("limit-text").hidden = !p;
  if (p) $("limit-text").textContent = "Thời hạn theo danh mục: " + limitText(p, $("channel").value);
}

function publisher(p) {
  return p.published_by ? p.published_by.issuer : "";
}

async function loadProcedures() {
  const list = await (await call("/v1/procedures")).json();
  const seen = new Set();
  procedures = [];
  for (const p of list) {
    const key = p.code + "|" + publisher(p);
    if (seen.has(key)) continue; // versions of one publisher: the server picks the one in force
    seen.add(key);
    procedures.push(p);
    const option = document.createElement("option");
    option.value = key;
    option.textContent = p.code + " — " + p.name + (publisher(p) ? " (" + publisher(p) + ")" : "");
    $("procedure").appendChild(option);
  }
}

function chosen() {
  const key = $("procedure").value;
  return procedures.find((p) => p.code + "|" + publisher(p) === key);
}

function sourceText(s) {
  const head = ((s.doc_type || "") + " " + s.number).trim();
  return s.article ? head + ", " + s.article : head;
}

function renderDue(data) {
  $("due-at").textContent = moment(data.due_at);
  let meta = "Thời hạn " + data.amount + " " + data.unit_vi + "; bắt đầu tính từ " + moment(data.clock_start)
    + "; quy định áp dụng: " + sourceText(data.rules_source) + ".";
  if (data.procedure) meta = data.procedure.name + ". " + meta;
  $("due-meta").textContent = meta;
  $("provisional").hidden = !data.provisional;
  const steps = $("steps");
  steps.textContent = "";
  for (const step of data.explanation.steps) {
    const li = document.createElement("li");
    li.textContent = step.text_vi;
    if (step.sources.length) {
      const cite = document.createElement("div");
      cite.className = "cite";
      cite.textContent = "Căn cứ: " + step.sources.map(sourceText).join("; ");
      li.appendChild(cite);
    }
    steps.appendChild(li);
  }
  $("slip-docx").disabled = !data.procedure;
  $("slip-note").hidden = Boolean(data.procedure);
  $("result").hidden = false;
}

async function computeDue(event) {
  event.preventDefault();
  showError("");
  const local = $("received").value;
  if (!local) { showError("Nhập thời điểm tiếp nhận."); return; }
  const body = {
    received_at: (local.length === 16 ? local + ":00" : local) + "+07:00",
    channel: $("channel").value,
    explain: true,
  };
  const p = chosen();
  if (p) {
    body.procedure_code = p.code;
    if (publisher(p)) body.issuer = publisher(p);
  } else {
    body.unit = $("unit").value;
    body.amount = body.unit === "immediate" ? 0 : Number($("amount").value);
  }
  try {
    const response = await call("/v1/due", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    lastDue = await response.json();
    renderDue(lastDue);
    const [y, m] = local.split("-").map(Number);
    await showMonth(y, m);
  } catch (e) {
    $("result").hidden = true;
    showError(e.message);
  }
}

async function downloadSlip() {
  showError("");
  if (!lastDue || !lastDue.procedure) return;
  const d = lastDue;
  const request = {
    dossier: {
      procedure_code: d.procedure.code,
      field: d.procedure.field || "",
      agency: $("agency").value,
      channel: d.channel,
      amount: d.amount,
      unit: d.unit,
      events: [{ kind: "received", at: d.received_at }],
    },
    procedure: d.procedure.code,
    agency: $("agency").value || "Bộ phận Một cửa",
  };
  if ($("applicant").value) request.applicant = $("applicant").value;
  if ($("officer").value) request.officer = $("officer").value;
  if ($("dossier-code").value) request.dossier.code = $("dossier-code").value.trim();
  const papers = $("papers").value.split("\n").map((x) => x.trim()).filter(Boolean);
  if (papers.length) request.papers = papers;
  try {
    const response = await call("/v1/forms/receipt?format=docx", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "giay_tiep_nhan_" + d.procedure.code + ".docx";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } catch (e) {
    showError(e.message);
  }
}

async function showMonth(year, month) {
  shown = [year, month];
  $("month-title").textContent = "Tháng " + month + "/" + year;
  const body = $("month").querySelector("tbody");
  const list = $("month-entries");
  body.textContent = "";
  list.textContent = "";
  let data;
  try {
    data = await (await call("/v1/calendar/months/" + year + "/" + month)).json();
  } catch (e) {
    const li = document.createElement("li");
    li.textContent = e.message;
    list.appendChild(li);
    return;
  }
  let row = document.createElement("tr");
  for (let i = 0; i < data.days[0].weekday; i++) row.appendChild(document.createElement("td"));
  for (const day of data.days) {
    const td = document.createElement("td");
    const n = Number(day.date.slice(8, 10));
    td.textContent = n;
    td.dataset.date = day.date;
    if (day.entry && day.entry.kind === "makeup_workday") td.className = "makeup";
    else if (day.entry && !day.working_day) td.className = "off";
    else if (!day.working_day) td.className = "weekend";
    if (day.entry) {
      td.title = day.entry.name_vi;
      const li = document.createElement("li");
      li.textContent = pad(n) + "/" + pad(month) + ": " + day.entry.name_vi
        + " (" + day.entry.sources.map(sourceText).join("; ") + ")";
      list.appendChild(li);
    }
    if (lastDue && lastDue.due_at.slice(0, 10) === day.date) td.classList.add("due");
    row.appendChild(td);
    if (day.weekday === 6) { body.appendChild(row); row = document.createElement("tr"); }
  }
  if (row.children.length) body.appendChild(row);
}

function step(delta) {
  let [y, m] = shown;
  m += delta;
  if (m < 1) { m = 12; y -= 1; }
  if (m > 12) { m = 1; y += 1; }
  showMonth(y, m);
}

async function start() {
  const now = new Date(Date.now() + 7 * 3600 * 1000); // Vietnam time
  $("received").value = now.toISOString().slice(0, 16);
  $("due-form").addEventListener("submit", computeDue);
  $("procedure").addEventListener("change", onProcedure);
  $("channel").addEventListener("change", onProcedure);
  $("slip-docx").addEventListener("click", downloadSlip);
  $("prev-month").addEventListener("click", () => step(-1));
  $("next-month").addEventListener("click", () => step(1));
  $("api-key").addEventListener("change", () => {
    sessionStorage.setItem("cchc-api-key", $("api-key").value);
    location.reload();
  });
  try {
    const v = await (await call("/v1/version")).json();
    $("version").textContent = v.cchc + " · lịch " + v.calendar_years[0] + "–" + v.calendar_years[1];
    await loadProcedures();
  } catch (e) {
    showError(e.message);
  }
  await showMonth(now.getUTCFullYear(), now.getUTCMonth() + 1);
  document.body.dataset.ready = "1";
}

start();
