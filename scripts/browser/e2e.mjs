// Drives the rendered fixture site in headless Chromium (see scripts/browser-test.sh).
// Every check that fails is reported; the exit code is non-zero if any did.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "..", "package.json"));
const { chromium } = require("playwright-core");

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SHOTS;
const SITE_DIR = process.env.SITE_DIR;
const failures = [];
const requests = [];
const dialogs = [];
const errors = [];

function check(ok, message) {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures.push(message);
}

const context = await chromium.launchPersistentContext(process.env.PROFILE_DIR, {
  executablePath: process.env.CHROMIUM,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1440, height: 900 },
  colorScheme: "light",
});
context.on("request", (request) => requests.push(request.url()));
const broken = [];
context.on("response", (response) => {
  // The hostile page's `<img src=x>` is expected to miss; nothing else may.
  if (response.status() >= 400 && !response.url().endsWith("/x")) broken.push(`${response.status()} ${response.url()}`);
});

async function newPage() {
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
  });
  return page;
}

async function inView(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0 && r.height > 0;
  });
}

try {
  // Search from the index, then follow a result to its method card.
  const page = await newPage();
  await page.goto(new URL("index.html", BASE).href);
  check((await page.locator("h1").count()) === 1, "index has one h1");
  const search = page.locator("#ds-search");
  await search.waitFor({ state: "visible" });
  check((await page.locator('label[for="ds-search"]').count()) === 1, "search input is labelled");
  await search.fill("archive");
  await page.locator(".search-hit").first().waitFor({ timeout: 5000 });
  const hits = await page.locator(".search-hit").count();
  check(hits > 0, `search "archive" shows results (${hits})`);
  const firstTitle = await page.locator(".search-hit-title").first().textContent();
  check(firstTitle === "Archive a widget", `best hit is the method (${firstTitle})`);
  await page.locator(".search-hit").first().click();
  await page.waitForURL(/widgets\.html#archive-a-widget$/, { timeout: 5000 });
  const hash = await page.evaluate(() => location.hash);
  check(hash === "#archive-a-widget", `result opens the method anchor (${hash})`);
  check(await inView(page, "#archive-a-widget"), "the method card is in view");

  await search.fill("widget_id");
  await page.locator(".search-hit").first().waitFor({ timeout: 5000 });
  const meta = await page.locator(".search-hit-meta").first().textContent();
  check(meta.includes("widget_id"), `attribute names are searchable (${meta})`);
  await search.fill("/sprockets");
  await page.locator(".search-hit").first().waitFor({ timeout: 5000 });
  const pathHit = await page.locator(".search-hit-title").first().textContent();
  check(pathHit === "List sprockets", `paths are searchable (${pathHit})`);
  await search.fill("");
  await page.close();

  // Light and dark themes.
  const themed = await newPage();
  await themed.goto(new URL("widgets.html", BASE).href);
  const toggle = themed.locator("#ds-theme-toggle");
  await toggle.waitFor({ state: "visible" });
  const background = () => themed.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = () => themed.evaluate(() => document.documentElement.getAttribute("data-theme"));
  const lightBg = await background();
  const lightTheme = await theme();
  check((await toggle.getAttribute("aria-pressed")) === "false", "toggle starts unpressed");
  check((await toggle.getAttribute("aria-label")) !== null, "toggle has an aria-label");
  await themed.screenshot({ path: path.join(SHOTS, "light.png") });
  await toggle.click();
  const darkTheme = await theme();
  const darkBg = await background();
  check(darkTheme === "dark" && darkTheme !== lightTheme, `data-theme changed (${lightTheme} → ${darkTheme})`);
  check(darkBg !== lightBg, `background changed (${lightBg} → ${darkBg})`);
  check((await toggle.getAttribute("aria-pressed")) === "true", "toggle is pressed");
  await themed.screenshot({ path: path.join(SHOTS, "dark.png") });
  await themed.reload();
  check((await theme()) === "dark", "the choice is remembered");
  await themed.locator("#ds-theme-toggle").click();
  check((await theme()) === "light", "toggles back to light");
  const copy = themed.locator(".copy-button").first();
  check(await copy.isVisible(), "copy buttons are shown with JavaScript");
  // Nested response attributes fold under their parent.
  const fold = themed.locator('#list-widgets .nest-toggle').first();
  const nested = themed.locator('#list-widgets tr.depth-1').first();
  check(await nested.isVisible(), "nested attributes are shown at first");
  await fold.click();
  check(!(await nested.isVisible()), "the parent's toggle folds them");
  check((await fold.getAttribute("aria-expanded")) === "false", "the toggle says it is folded");
  await fold.click();
  check(await nested.isVisible(), "and unfolds them");
  await themed.close();

  // Hostile content stays inert.
  const hostile = await newPage();
  await hostile.goto(new URL("hostile.html", BASE).href, { waitUntil: "load" });
  await hostile.mouse.move(400, 400);
  await hostile.mouse.click(400, 400);
  await hostile.waitForTimeout(500);
  check(dialogs.length === 0, `no dialog opened (${dialogs.join("; ")})`);
  const pwned = await hostile.evaluate(() => typeof window.__pwned);
  check(pwned === "undefined", `window.__pwned is undefined (${pwned})`);
  const handlers = await hostile.evaluate(() =>
    Array.from(document.querySelectorAll("*")).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `${el.tagName} ${a.name}`),
    ),
  );
  check(handlers.length === 0, `no element has on* attributes (${handlers.join(", ")})`);
  const foreign = await hostile.evaluate(() =>
    Array.from(document.querySelectorAll("script, iframe, object, embed, style, form"))
      .map((el) => el.outerHTML.slice(0, 80))
      .filter((html) => !/^<script src="(assets\/(theme|site|search)|nav)\.js"/.test(html))
      .filter((html) => !html.startsWith('<form class="search"')),
  );
  check(foreign.length === 0, `no foreign script/iframe/style/form elements (${foreign.join(" | ")})`);
  const scriptLinks = await hostile.evaluate(() =>
    Array.from(document.querySelectorAll("[href], [src], [action]"))
      .map((el) => el.getAttribute("href") || el.getAttribute("src") || el.getAttribute("action") || "")
      .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url)),
  );
  check(scriptLinks.length === 0, `no script URLs (${scriptLinks.join(", ")})`);
  const title = await hostile.locator("h1").textContent();
  check(title.includes("<script>window.__pwned=1</script>"), "the hostile title is shown as text");
  await hostile.close();

  // From file://, where fetch() of the index would fail, search still works.
  if (SITE_DIR) {
    const local = await newPage();
    await local.goto(pathToFileURL(path.join(SITE_DIR, "guides", "sprockets.html")).href);
    await local.locator("#ds-search").fill("delete");
    await local.locator(".search-hit").first().waitFor({ timeout: 5000 });
    const href = await local.locator(".search-hit").first().getAttribute("href");
    check(href === "../widgets.html#delete-a-widget-deprecated", `search works from file:// (${href})`);
    await local.close();
  }
} catch (error) {
  check(false, `unexpected error: ${error.stack || error}`);
} finally {
  await context.close();
}

const offsite = requests.filter((url) => {
  const u = new URL(url);
  if (u.protocol === "file:") return false;
  return u.hostname !== "127.0.0.1";
});
check(offsite.length === 0, `no request left 127.0.0.1 (${requests.length} requests; ${offsite.join(", ")})`);
check(broken.length === 0, `no broken links or assets (${broken.join(", ")})`);
check(errors.length === 0, `no JavaScript errors (${errors.join("; ")})`);

if (failures.length) {
  console.error(`\n${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log("\nall browser checks passed");
