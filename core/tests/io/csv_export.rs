//! CSV export, safe against formula injection.

use super::*;

#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    use io::csv_export::safe_cell;
    for bad in [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "=cmd|' /C calc'!A0",
    ] {
        assert_eq!(safe_cell(bad), format!("'{bad}"));
    }
    for fine in ["Ann", "1+1", "a=b", "", "'quoted"] {
        assert_eq!(safe_cell(fine), fine);
    }
    let contacts = io::export_contacts_csv(&sample_book());
    assert!(
        contacts.contains(r#""'=HYPERLINK(""http://x"")",'@evil,'-eve@x.example"#),
        "{contacts}"
    );
    let deals = io::export_deals_csv(&sample_book());
    assert!(deals.contains(",'+1 seat,"), "{deals}");
    let tasks = io::export_tasks_csv(&sample_book());
    assert!(tasks.contains(",'=cmd|' /C calc'!A0,"), "{tasks}");
}

#[test]
fn deals_export_has_a_date_column_per_step_and_the_outcome() {
    let text = io::export_deals_csv(&sample_book());
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Id,Title,Contact,Company,Contact email,Owner,Value,Currency,Source,Stage,Created,\
         Expected close,Lead date,Prospect date,Meeting date,Needs analysis date,Proposal date,\
         Negotiation date,Commitment date,Won date,Lost date,Loss reason,Notes"
    );
    let won = lines.next().unwrap();
    assert!(
        won.contains(",12500.50,EUR,Event,Won,2025-01-05,,2025-01-05,,2025-01-20,,2025-02-14,,,2025-03-10,,,"),
        "{won}"
    );
    let lost = text.lines().nth(3).unwrap();
    assert!(
        lost.ends_with(",2025-05-02,Budget cut; maybe next year,"),
        "{lost}"
    );
}
