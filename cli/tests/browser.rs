//! The HTML report in a real browser: headless Chromium (Debian's `chromium`) opens the
//! page that `validate --format html` writes, at 375 and 1280 pixels wide; a probe
//! script added to a copy of the page reads what the browser rendered (the counts, the
//! rows of the tables, the highlighted cells and their colours, the layout's width, the
//! contrast of every text), and the test compares it with the JSON report of the same
//! file. Screenshots at both widths are kept in `target/tmp/browser/` (the test prints
//! their paths).
//!
//! Chromium is found as `$CHROMIUM`, or `chromium`, `chromium-browser` or `google-chrome`
//! on the PATH. Without it the tests say so and pass, except in CI (`CI` set), where
//! they fail: `.ci/run` installs it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

/// The browser, or `None` (with a message) when a developer has none.
fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("CHROMIUM")
        .map(|c| vec![PathBuf::from(c)])
        .unwrap_or_else(|| {
            let path = std::env::var_os("PATH").unwrap_or_default();
            std::env::split_paths(&path)
                .flat_map(|dir| {
                    ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
                })
                .collect()
        });
    let found = candidates.into_iter().find(|c| c.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the browser tests: install Debian's chromium (.ci/run does)"
        );
        eprintln!(
            "SKIPPED: no chromium on this machine (apt-get install chromium, or set CHROMIUM); \
             the HTML report's browser tests did not run"
        );
    }
    found
}

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("browser")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs the headless browser on a page with `extra` arguments; its standard output.
fn browse(chromium: &Path, page: &Path, work: &Path, extra: &[String]) -> String {
    let profile = tempdir(work);
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A new empty directory for a browser profile.
fn tempdir(work: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = work.join(format!("profile-{}", N.fetch_add(1, Ordering::SeqCst)));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// What the probe reads from the rendered page (see the module's docs).
/// It runs in a page that holds the report in an iframe of the width tested (the report
/// itself is opened untouched; headless Chromium's window is at least 500 px wide).
const PROBE: &str = r#"
function probe(frame) {
  var doc = frame.contentDocument, win = frame.contentWindow;
  var getComputedStyle = function (e) { return win.getComputedStyle(e); };
  var window = win, document = doc;
  function rgb(s) { var m = s.match(/[\d.]+/g) || []; return m.map(Number); }
  function lum(c) {
    var a = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
  }
  function background(el) {
    for (var e = el; e; e = e.parentElement) {
      var c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
    }
    return [255, 255, 255];
  }
  var out = {};
  out.width = window.innerWidth;
  out.scrollWidth = document.documentElement.scrollWidth;
  out.lang = document.documentElement.lang;
  out.verdict = document.getElementById('verdict').dataset.verdict;
  out.sections = Array.prototype.map.call(document.querySelectorAll('main h2'), function (h) { return h.id; });
  var first = document.querySelector('table.problems tbody tr');
  out.firstProblemBottom = first ? first.getBoundingClientRect().bottom : null;
  out.verdictBottom = document.getElementById('verdict').getBoundingClientRect().bottom;
  out.viewportHeight = window.innerHeight;
  out.files = Array.prototype.map.call(document.querySelectorAll('.file'), function (f) {
    var stats = {};
    f.querySelectorAll('[data-stat]').forEach(function (li) { stats[li.dataset.stat] = li.innerText.trim(); });
    return { schema: f.dataset.schema, stats: stats };
  });
  out.rows = [];
  document.querySelectorAll('table.problems').forEach(function (t) {
    t.querySelectorAll('tbody tr').forEach(function (tr) {
      var cells = Array.prototype.map.call(tr.querySelectorAll('td'), function (td) { return td.innerText.trim(); });
      var link = tr.querySelector('a');
      out.rows.push({ level: t.dataset.level, cells: cells, href: link ? link.href : null });
    });
  });
  out.cells = Array.prototype.map.call(document.querySelectorAll('table.preview td[data-level]'), function (td) {
    return { line: Number(td.closest('tr').dataset.line), field: td.dataset.field, level: td.dataset.level,
             background: getComputedStyle(td).backgroundColor, text: td.innerText.trim() };
  });
  out.previewLines = Array.prototype.map.call(document.querySelectorAll('table.preview tbody tr'), function (tr) { return Number(tr.dataset.line); });
  out.notices = Array.prototype.map.call(document.querySelectorAll('[data-notice]'), function (n) { return n.dataset.notice + ': ' + n.innerText.trim(); });
  out.codes = {};
  document.querySelectorAll('table.codes tbody tr').forEach(function (tr) { out.codes[tr.dataset.code] = Number(tr.lastElementChild.innerText); });
  out.tablesWithoutCaption = Array.prototype.filter.call(document.querySelectorAll('table'), function (t) { return !t.querySelector('caption'); }).length;
  out.headersWithoutScope = Array.prototype.filter.call(document.querySelectorAll('th'), function (th) { return !th.getAttribute('scope'); }).length;
  out.scrollRegions = Array.prototype.map.call(document.querySelectorAll('.scroll'), function (r) { return r.getAttribute('tabindex') + ' ' + r.getAttribute('role'); });
  out.external = Array.prototype.filter.call(document.querySelectorAll('script[src], link[rel=stylesheet], img, iframe'), function () { return true; }).length;
  // The contrast of every text on its background (WCAG AA: 4.5:1).
  out.lowContrast = [];
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var seen = new Set();
  while (walker.nextNode()) {
    var node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    var el = node.parentElement;
    if (seen.has(el) || el.closest('script')) continue;
    seen.add(el);
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    var fg = rgb(getComputedStyle(el).color), bg = background(el);
    var l1 = lum(fg), l2 = lum(bg);
    var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) out.lowContrast.push(el.tagName + ' ' + node.textContent.trim().slice(0, 40) + ' ' + ratio.toFixed(2));
  }
  return out;
}
"#;

/// The page as the browser renders it at `width` × `height`, read by the probe.
fn render(chromium: &Path, page: &Path, width: u32, height: u32) -> Value {
    let work = page.parent().unwrap();
    let name = page.file_name().unwrap().to_str().unwrap();
    let probe = work.join(format!("probe-{width}.html"));
    let wrapper = format!(
        "<!DOCTYPE html><html><body style=\"margin:0\">\
         <iframe id=\"report\" src=\"{name}\" style=\"border:0;width:{width}px;height:{height}px\"></iframe>\
         <pre id=\"probe\"></pre><script>{PROBE}\
         document.getElementById('report').addEventListener('load', function () {{\
           document.getElementById('probe').textContent = encodeURIComponent(JSON.stringify(probe(this)));\
         }});</script></body></html>"
    );
    std::fs::write(&probe, wrapper).unwrap();
    let dom = browse(
        chromium,
        &probe,
        work,
        &[
            "--dump-dom".into(),
            "--allow-file-access-from-files".into(),
            format!("--window-size={},{}", width.max(800), height + 100),
        ],
    );
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + "<pre id=\"probe\">".len();
    let end = dom[start..].find("</pre>").unwrap() + start;
    let text = &dom[start..end];
    assert!(!text.is_empty(), "the probe found the report: {dom}");
    serde_json::from_str(&percent_decode(text)).unwrap()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// A screenshot of the page at `width` × `height`, kept in the test's directory.
fn screenshot(chromium: &Path, page: &Path, width: u32, height: u32) -> PathBuf {
    let work = page.parent().unwrap();
    let png = work.join(format!("report-{width}.png"));
    browse(
        chromium,
        page,
        work,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
        ],
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{}",
        png.display()
    );
    println!("screenshot: {}", png.display());
    png
}

fn run(args: &[&str], file: &Path) -> (Option<i32>, Vec<u8>) {
    let output = Command::new(env!("CARGO_BIN_EXE_data-inclusion"))
        .args(args)
        .args(["--today", "2026-06-15"])
        .arg(file)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (output.status.code(), output.stdout)
}

/// "2 à 4, 9": the lines as the reports write them.
fn ranges(lines: &BTreeSet<u64>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut iter = lines.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end + 1)) {
            end = iter.next().unwrap();
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start} à {end}")
        });
    }
    parts.join(", ")
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
            items.iter().map(value_text).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

const SERVICE: &str = r#"{"source": "dora", "structure_id": "dora--s1", "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14"}"#;

/// A file of services with errors, warnings and advice: the same error on consecutive
/// lines, a record with problems of every level, an unreadable line, and more rows in
/// error than the preview shows.
fn services_file(dir: &Path) -> PathBuf {
    let base: Value = serde_json::from_str(SERVICE).unwrap();
    let with = |id: usize, extra: Value| {
        let mut r = base.clone();
        r["id"] = json!(format!("dora--{id}"));
        for (k, v) in extra.as_object().unwrap() {
            r[k] = v.clone();
        }
        r.to_string()
    };
    let mut lines = vec![with(1, json!({"courriel": "test@test.fr"}))];
    for id in 2..=4 {
        lines.push(with(id, json!({"thematiques": ["famille--garde-denfant"]})));
    }
    lines.push(with(
        5,
        json!({"nom": "Garde.", "frais": "gratos", "telephone": "+44 20 7946 0958",
               "horaires_accueil": "Lundi 9h-12h", "zone_eligibilite": ["59350", "x"]}),
    ));
    lines.push("{ pas du JSON".into());
    for id in 7..=31 {
        lines.push(with(id, json!({"nombre_semaines": 0})));
    }
    let path = dir.join("services.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn the_rendered_report_shows_what_the_json_report_says() {
    let Some(chromium) = chromium() else { return };
    let d = dir("services");
    let file = services_file(&d);
    let (status, json) = run(&["validate", "--format", "json"], &file);
    assert_eq!(status, Some(1));
    let problems: Vec<Value> = serde_json::from_slice(&json).unwrap();
    let (status, html) = run(&["validate", "--format", "html"], &file);
    assert_eq!(status, Some(1), "the HTML report keeps the exit status");
    let page = d.join("rapport.html");
    std::fs::write(&page, &html).unwrap();

    // What the JSON report says.
    let level_of = |p: &Value| p["level"].as_str().unwrap().to_string();
    let mut groups: BTreeMap<(String, String, String, String, String), BTreeSet<u64>> =
        BTreeMap::new();
    let mut per_level: BTreeMap<String, u64> = BTreeMap::new();
    let mut per_code: BTreeMap<String, u64> = BTreeMap::new();
    let mut lines_in_error = BTreeSet::new();
    for p in &problems {
        let level = level_of(p);
        *per_level.entry(level.clone()).or_default() += 1;
        *per_code
            .entry(p["code"].as_str().unwrap().into())
            .or_default() += 1;
        let line = p["line"].as_u64().unwrap();
        if level == "error" {
            lines_in_error.insert(line);
        }
        let key = (
            level,
            p["schema"].as_str().unwrap().to_string(),
            p["field"].as_str().unwrap().to_string(),
            value_text(&p["value"]),
            p["message"].as_str().unwrap().to_string(),
        );
        groups.entry(key).or_default().insert(line);
    }
    assert_eq!(per_level.get("advice"), Some(&3), "{per_level:?}");
    let expected_rows: BTreeSet<(String, Vec<String>)> = groups
        .iter()
        .map(|((level, schema, field, value, message), lines)| {
            let field = if field.is_empty() {
                "—".to_string()
            } else {
                field.clone()
            };
            let cells = vec![
                schema.clone(),
                field,
                ranges(lines),
                value.clone(),
                message.clone(),
            ];
            (level.clone(), cells)
        })
        .collect();
    // The preview: the first 20 lines in error, every problem of theirs highlighted (the
    // most serious level of each cell).
    let previewed: Vec<u64> = lines_in_error.iter().copied().take(20).collect();
    let mut expected_cells: BTreeMap<(u64, String), String> = BTreeMap::new();
    let rank = |l: &str| {
        ["error", "warning", "advice"]
            .iter()
            .position(|x| *x == l)
            .unwrap()
    };
    for p in &problems {
        let line = p["line"].as_u64().unwrap();
        if !previewed.contains(&line) {
            continue;
        }
        let level = level_of(p);
        let cell = expected_cells
            .entry((line, p["field"].as_str().unwrap().to_string()))
            .or_insert(level.clone());
        if rank(&level) < rank(cell) {
            *cell = level;
        }
    }

    for (width, height) in [(1280, 900), (375, 800)] {
        let seen = render(&chromium, &page, width, height);
        let rows: BTreeSet<(String, Vec<String>)> = seen["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let cells = r["cells"].as_array().unwrap();
                let cells = cells
                    .iter()
                    .map(|c| c.as_str().unwrap().to_string())
                    .collect();
                (r["level"].as_str().unwrap().to_string(), cells)
            })
            .collect();
        assert_eq!(rows, expected_rows, "at {width} px");
        // The counts.
        let stats = &seen["files"][0]["stats"];
        assert_eq!(stats["records"], "31 services analysés", "{stats}");
        let invalid = problems
            .iter()
            .filter(|p| p["level"] == "error")
            .map(|p| p["line"].as_u64())
            .collect::<BTreeSet<_>>()
            .len();
        assert_eq!(stats["invalid"], format!("{invalid} à corriger"));
        assert_eq!(stats["errors"], format!("✖ {} erreurs", per_level["error"]));
        assert_eq!(stats["warnings"], "⚠ 1 avertissement");
        assert_eq!(stats["advice"], "ℹ 3 conseils");
        let codes: BTreeMap<String, u64> = serde_json::from_value(seen["codes"].clone()).unwrap();
        assert_eq!(codes, per_code);
        // The highlighted cells.
        let cells: BTreeMap<(u64, String), String> = seen["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let key = (
                    c["line"].as_u64().unwrap(),
                    c["field"].as_str().unwrap().to_string(),
                );
                (key, c["level"].as_str().unwrap().to_string())
            })
            .collect();
        assert_eq!(cells, expected_cells, "at {width} px");
        let backgrounds: BTreeMap<String, BTreeSet<String>> = seen["cells"]
            .as_array()
            .unwrap()
            .iter()
            .fold(BTreeMap::new(), |mut m, c| {
                m.entry(c["level"].as_str().unwrap().to_string())
                    .or_default()
                    .insert(c["background"].as_str().unwrap().to_string());
                m
            });
        assert_eq!(
            backgrounds["error"],
            BTreeSet::from(["rgb(255, 233, 233)".to_string()])
        );
        assert_eq!(
            backgrounds["warning"],
            BTreeSet::from(["rgb(255, 240, 224)".to_string()])
        );
        assert_eq!(
            backgrounds["advice"],
            BTreeSet::from(["rgb(232, 237, 255)".to_string()])
        );
        // Each message in its cell.
        let line5: Vec<&Value> = seen["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["line"] == 5 && c["field"] == "frais")
            .collect();
        assert!(
            line5[0]["text"].as_str().unwrap().contains("gratos"),
            "{line5:?}"
        );
        assert!(
            line5[0]["text"]
                .as_str()
                .unwrap()
                .contains("erreur : La valeur 'gratos'"),
            "{line5:?}"
        );
        // Capped lists say so.
        let notices: Vec<&str> = seen["notices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0]
                .contains("Aperçu limité aux 20 premières lignes : 10 autres lignes en erreur"),
            "{notices:?}"
        );
        assert_eq!(seen["previewLines"].as_array().unwrap().len(), 20);
        // Layout: nothing wider than the screen but the preview's own scrolling region;
        // the verdict on the first screen, and at 1280 px the first error too.
        assert!(
            seen["scrollWidth"].as_u64() <= seen["width"].as_u64(),
            "at {width} px: {seen:#}"
        );
        assert!(seen["verdictBottom"].as_f64().unwrap() < height as f64);
        if width == 1280 {
            assert!(
                seen["firstProblemBottom"].as_f64().unwrap() < height as f64,
                "{seen:#}"
            );
        }
        // Accessibility and self-containment.
        assert_eq!(seen["lang"], "fr");
        assert_eq!(seen["verdict"], "invalid");
        assert_eq!(seen["tablesWithoutCaption"], 0);
        assert_eq!(seen["headersWithoutScope"], 0);
        assert_eq!(seen["scrollRegions"], json!(["0 region"]));
        assert_eq!(seen["external"], 0);
        assert_eq!(seen["lowContrast"], json!([]), "at {width} px");
        assert_eq!(
            seen["sections"],
            json!([
                "resultat",
                "erreurs",
                "apercu",
                "avertissements",
                "conseils",
                "codes"
            ])
        );
        let links: BTreeSet<&str> = seen["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["href"].as_str())
            .collect();
        assert!(
            links.contains(
                "https://gip-inclusion.github.io/data-inclusion-schema/latest/service/#thematiques"
            ),
            "{links:?}"
        );
    }
    let wide = screenshot(&chromium, &page, 1280, 2400);
    let narrow = screenshot(&chromium, &page, 375, 3200);
    assert_ne!(std::fs::read(wide).unwrap(), std::fs::read(narrow).unwrap());
}

#[test]
fn a_masked_english_report_of_a_valid_file() {
    let Some(chromium) = chromium() else { return };
    let d = dir("structures");
    let csv = "id,source,nom,date_maj,siret,telephone,courriel,longitude,latitude\n\
               dora--1,dora,CCAS de Lille,2025-02-14,13002526500014,+44 20 7946 0958,jean.dupont@gmail.com,50.63,3.06\n\
               dora--2,dora,CCAS de Roubaix,2025-02-14,13002526500013,03 20 00 00 00,,3.17,50.69\n";
    let file = d.join("structures.csv");
    std::fs::write(&file, csv).unwrap();
    let (status, html) = run(
        &["validate", "--format", "html", "--mask", "--lang", "en"],
        &file,
    );
    assert_eq!(status, Some(0), "advice never changes the exit status");
    let text = String::from_utf8(html).unwrap();
    assert!(
        !text.contains("7946") && !text.contains("jean.dupont"),
        "personal data is masked"
    );
    let page = d.join("report.html");
    std::fs::write(&page, &text).unwrap();
    let seen = render(&chromium, &page, 375, 800);
    assert_eq!(seen["lang"], "en");
    assert_eq!(seen["verdict"], "valid");
    assert_eq!(
        seen["files"][0]["stats"]["records"],
        "2 structures analysed"
    );
    assert_eq!(seen["files"][0]["stats"]["advice"], "ℹ 3 advice");
    let rows: Vec<Vec<String>> = seen["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| serde_json::from_value(r["cells"].clone()).unwrap())
        .collect();
    let fields: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("longitude", "50.63, 3.06"),
            ("siret", "13002526500014"),
            ("telephone", "***")
        ]
    );
    // A file without errors previews the rows to review, with their advice.
    assert_eq!(seen["previewLines"], json!([2]));
    assert_eq!(seen["lowContrast"], json!([]));
    assert!(seen["scrollWidth"].as_u64() <= seen["width"].as_u64());
}
