//! No input, however odd, makes the import or restore panic.

use super::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic_the_import(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(sniffed) = io::sniff(&bytes) {
            for target in [Target::Contacts, Target::Deals, Target::Tasks] {
                let mapping = io::guess_mapping(&sniffed.headers, target);
                let mut ids = SeededIds::new(5);
                let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &Process::default());
                let format = io::detect_date_format(&sniffed.date_samples(&mapping)).format().unwrap_or(DateFormat::Iso);
                let _ = io::preview(&sniffed, &choices(target, &mapping, format, &stages), &sample_book(), today(), &mut ids, NOW);
            }
        }
    }

    #[test]
    fn random_csv_text_never_panics_with_every_field(
        cells in prop::collection::vec(prop::collection::vec("[ -~éü€\n\"]{0,12}", 1..30), 2..6),
        target in 0usize..3,
    ) {
        let text: String = cells
            .iter()
            .map(|row| row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","))
            .collect::<Vec<_>>()
            .join("\n");
        if let Ok(sniffed) = io::sniff(text.as_bytes()) {
            let target = [Target::Contacts, Target::Deals, Target::Tasks][target];
            let fields = Field::choices(target);
            let mapping: Vec<Field> = (0..sniffed.headers.len()).map(|i| fields[i % fields.len()]).collect();
            let values = sniffed.stage_values(&mapping);
            let stages = io::guess_stage_mapping(&values, &Process::default());
            for format in [DateFormat::Iso, DateFormat::DayFirst, DateFormat::MonthFirst] {
                let mut ids = SeededIds::new(5);
                let p = io::preview(&sniffed, &choices(target, &mapping, format, &stages), &sample_book(), today(), &mut ids, NOW);
                prop_assert_eq!(io::validate(&p.book_after, today()), Ok(()));
            }
        }
    }

    #[test]
    fn random_text_never_panics_the_restore(text in "\\PC{0,300}") {
        let _ = io::read_backup(&text, today());
    }

    #[test]
    // The sample's backup is about 13 kB of pretty JSON: cuts reach all of it.
    fn damaged_backups_never_panic(cut in 0usize..14_000, byte in any::<u8>()) {
        let mut bytes = pipewise_core::store::to_backup_json(&sample_book()).into_bytes();
        if let Some(b) = bytes.get_mut(cut) {
            *b = byte;
        }
        let _ = io::read_backup(&String::from_utf8_lossy(&bytes), today());
        let cut_short = String::from_utf8_lossy(&bytes[..cut.min(bytes.len())]);
        let _ = io::read_backup(&cut_short, today());
    }
}
