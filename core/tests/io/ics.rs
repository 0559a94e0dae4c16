//! iCalendar export.

use super::*;

#[test]
fn ics_export_matches_the_sample_read_by_node() {
    let text = io::export_ics(&sample_book(), NOW);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n'));
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 4);
    assert!(text.contains("DTSTART:20250702T093000\r\nDURATION:PT45M\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20250201\r\n"));
    assert!(
        text.contains("SUMMARY:Call: Call Ann\\, re: renewal\\; bring numbers [Needs analysis]")
    );
    assert!(text.contains("DTSTAMP:20250630T120000Z"));

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/node/fixtures/sample.ics");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let stored =
        std::fs::read_to_string(&path).expect("run with UPDATE_FIXTURES=1 to write the sample");
    assert_eq!(
        stored, text,
        "the sample is stale: run with UPDATE_FIXTURES=1"
    );
}
