// The GitLab corpus site in headless Chromium (see scripts/browser-test.sh): layout at
// five widths (no clipped cell, no table wider than its box without a scroll
// affordance, no sideways page scroll), axe-core in light and dark, keyboard
// navigation, the phone menu, search ranking, and screenshots of issues.html.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "..", "package.json"));
const { chromium } = require("playwright-core");
const AXE = require.resolve("axe-core/axe.min.js");

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SHOTS;
const WIDTHS = [360, 768, 1366, 1440, 1920];
const LAYOUT_PAGES = [
  "index.html",
  "api/issues.html",
  "api/personal_access_tokens.html",
  "api/rest/_index.html",
  "api/markdown.html",
  "api/branches.html",
  "api/avatar.html",
  "api/merge_requests.html",
];
const AXE_PAGES = ["index.html", "api/issues.html", "api/avatar.html"];
const failures = [];
const errors = [];

function check(ok, message) {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures.push(message);
}

// A fresh context: no theme choice saved by the fixture test.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });

async function open(url, width, scheme = "light") {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${url}: ${error.message}`));
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(new URL(url, BASE).href, { waitUntil: "load" });
  return page;
}

// Everything in <main> that does not fit: cells whose content overflows them, tables
// wider than their box where the box does not scroll, and captions cut short.
function layoutProblems() {
  const problems = [];
  const label = (el) => {
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const method = el.closest("article.method");
    return `${method ? "#" + method.id + " " : ""}${el.tagName.toLowerCase()} "${text}"`;
  };
  const scrolls = (el) => {
    const style = getComputedStyle(el);
    return /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth;
  };
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
  }
  for (const table of document.querySelectorAll("main table")) {
    if (table.closest("[hidden]") || table.getClientRects().length === 0) continue;
    const box = table.parentElement.closest(".table-wrap") || (getComputedStyle(table).display === "block" ? table : table.parentElement);
    const overflows = table.scrollWidth > box.clientWidth + 1;
    if (table.closest(".attributes") && overflows) {
      problems.push(`attribute table wider than its box: ${label(table.querySelector("tbody tr") || table)}`);
    } else if (overflows && !scrolls(box)) {
      problems.push(`table wider than its box without a scroll affordance: ${label(table)}`);
    }
    for (const cell of table.querySelectorAll("td, th")) {
      if (cell.getClientRects().length === 0) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`clipped cell: ${label(cell)}`);
    }
  }
  for (const caption of document.querySelectorAll(".example-caption")) {
    const style = getComputedStyle(caption);
    if (style.textOverflow === "ellipsis" || caption.scrollWidth > caption.clientWidth + 1) {
      problems.push(`cut caption: ${label(caption)}`);
    }
  }
  return problems;
}

try {
  for (const width of WIDTHS) {
    for (const url of LAYOUT_PAGES) {
      const page = await open(url, width);
      const problems = await page.evaluate(layoutProblems);
      check(problems.length === 0, `${url} at ${width} px: ${problems.length ? problems.slice(0, 6).join("; ") : "every cell and table fits"}`);
      await page.close();
    }
  }

  for (const scheme of ["light", "dark"]) {
    for (const url of AXE_PAGES) {
      const page = await open(url, 1366, scheme);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×: ${v.nodes[0].target.join(" ")})`);
      });
      check(result.length === 0, `axe-core on ${url}, ${scheme}: ${result.length ? result.join("; ") : "no serious or critical violation"}`);
      await page.close();
    }
  }

  // Keyboard: the search, the theme toggle and every method's link are reachable by Tab.
  {
    const page = await open("api/branches.html", 1366);
    const methods = await page.$$eval("article.method .anchor", (links) => links.map((a) => a.getAttribute("href")));
    const seen = new Set();
    let search = false;
    let toggle = false;
    for (let i = 0; i < 800 && seen.size < methods.length; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, anchor: el.classList.contains("anchor") ? el.getAttribute("href") : null };
      });
      if (focus.id === "ds-search") search = true;
      if (focus.id === "ds-theme-toggle") toggle = true;
      if (focus.anchor) seen.add(focus.anchor);
    }
    check(search && toggle, `Tab reaches the search (${search}) and the theme toggle (${toggle})`);
    check(seen.size === methods.length, `Tab reaches every method of branches.html (${seen.size} of ${methods.length})`);
    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    check((await page.evaluate(() => document.activeElement.id)) === "ds-search", "/ focuses the search");
    await page.close();
  }

  // The sidebar shows where the reader is; on a phone the page list opens from a menu.
  {
    const page = await open("api/wikis.html", 1366);
    const inView = await page.evaluate(() => {
      const current = document.querySelector('.sidebar [aria-current="page"]');
      const bar = document.querySelector(".sidebar").getBoundingClientRect();
      const r = current && current.getBoundingClientRect();
      return !!r && r.top >= bar.top && r.bottom <= bar.bottom;
    });
    check(inView, "the current page is scrolled into the sidebar's view");
    const groups = await page.$$eval(".nav-group-title", (titles) => titles.map((t) => t.textContent));
    check(groups.includes("Project resources"), `pages are grouped as api_resources.md groups them (${groups.slice(0, 4).join(", ")})`);
    await page.close();

    const phone = await open("api/issues.html", 360);
    const menu = phone.locator("#ds-menu");
    check(await menu.isVisible(), "a menu button on a phone");
    check(!(await phone.locator("#ds-sidebar").isVisible()), "the page list is closed until asked for");
    await menu.click();
    const list = await phone.evaluate(() => {
      const bar = document.querySelector("#ds-sidebar").getBoundingClientRect();
      const current = document.querySelector('.sidebar [aria-current="page"]').getBoundingClientRect();
      return { top: bar.top, height: bar.height, currentTop: current.top };
    });
    check(list.top < 100 && list.height > 300, `the page list opens at the top of the screen (top ${Math.round(list.top)} px)`);
    check(list.currentTop < 900, `the current page is in view in the opened list (${Math.round(list.currentTop)} px)`);
    await phone.keyboard.press("Escape");
    check(!(await phone.locator("#ds-sidebar").isVisible()), "Escape closes the page list");
    await phone.close();
  }

  // Search: prose and sections are found, an exact path comes first.
  {
    const page = await open("index.html", 1366);
    const search = page.locator("#ds-search");
    const first = async (query) => {
      await search.fill(query);
      await page.locator(".search-hit").first().waitFor({ timeout: 5000 });
      return page.locator(".search-hit-title").first().textContent();
    };
    for (const query of ["pagination", "rate limit"]) {
      const hit = await first(query).catch(() => "");
      check(hit !== "", `search "${query}" finds something (${hit})`);
    }
    const exact = await first("/projects/:id/issues").catch(() => "");
    check(exact === "List project issues", `an exact path ranks first (${exact})`);
    const title = await first("List project issues").catch(() => "");
    check(title === "List project issues", `an exact title ranks first (${title})`);
    await page.close();
  }

  // Screenshots of the "New issue" method, for the closing note.
  for (const width of [400, 1400]) {
    for (const scheme of ["light", "dark"]) {
      const page = await open("api/issues.html#new-issue", width, scheme);
      await page.screenshot({ path: path.join(SHOTS, `issues-${width}-${scheme}.png`) });
      await page.close();
    }
  }
} catch (error) {
  check(false, `unexpected error: ${error.stack || error}`);
} finally {
  await context.close();
  await browser.close();
}

check(errors.length === 0, `no JavaScript errors (${errors.join("; ")})`);
if (failures.length) {
  console.error(`\n${failures.length} corpus browser check(s) failed`);
  process.exit(1);
}
console.log("\nall corpus browser checks passed");
