//! CSV import from other CRMs: sniffing, mapping, dates, stages and row errors.

use super::*;

struct Imported {
    preview: io::ImportPreview,
    sniffed: io::Sniffed,
    mapping: Vec<Field>,
}

/// Imports by the guessed mapping alone, as a user accepting every suggestion would.
fn import_guessed(bytes: &[u8], target: Target, into: &Book) -> Imported {
    let sniffed = io::sniff(bytes).expect("readable");
    let mapping = io::guess_mapping_with_steps(&sniffed.headers, target, &into.process);
    let format = io::detect_date_format(&sniffed.date_samples(&mapping))
        .format()
        .expect("an unambiguous date format");
    let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &into.process);
    let mut ids = SeededIds::new(1);
    let preview = io::preview(
        &sniffed,
        &choices(target, &mapping, format, &stages),
        into,
        today(),
        &mut ids,
        NOW,
    );
    Imported {
        preview,
        sniffed,
        mapping,
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(path).unwrap()
}

fn deal_named<'a>(book: &'a Book, title: &str) -> &'a Deal {
    book.deals.iter().find(|d| d.title == title).unwrap()
}

fn contact_of<'a>(book: &'a Book, deal: &Deal) -> &'a Contact {
    book.contacts.iter().find(|c| c.id == deal.contact).unwrap()
}

#[test]
fn other_crms_exports_import_by_mapping_alone() {
    for (name, deals, contacts) in [
        ("pipedrive_deals.csv", 5, 4),
        ("hubspot_deals.csv", 5, 5),
        ("salesforce_opportunities.csv", 5, 5),
        ("spreadsheet_deals.csv", 4, 4),
    ] {
        let got = import_guessed(&fixture(name), Target::Deals, &Book::default());
        let p = &got.preview;
        assert_eq!(p.errors, vec![], "{name}: mapping {:?}", got.mapping);
        assert_eq!(
            (p.rows_ok, p.new_deals, p.new_contacts),
            (deals, deals, contacts),
            "{name}"
        );
        assert_eq!(io::validate(&p.book_after, today()), Ok(()), "{name}");
    }
}

#[test]
fn pipedrive_deals_keep_status_dates_and_people() {
    let got = import_guessed(
        &fixture("pipedrive_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(got.sniffed.encoding, Encoding::Utf8);
    let book = &got.preview.book_after;
    let acme = deal_named(book, "Acme rollout");
    assert_eq!(
        stages(acme),
        vec![
            change(step(6), "2025-01-14"),
            change(Stage::Won, "2025-03-02")
        ]
    );
    assert_eq!(
        (acme.value, acme.currency.as_str(), acme.owner.as_str()),
        (1_200_000, "EUR", "Dana Reyes")
    );
    let jonas = contact_of(book, acme);
    assert_eq!(
        (jonas.name.as_str(), jonas.company.as_str()),
        ("Jonas Weber", "Acme GmbH")
    );
    assert_eq!(jonas.kind(), ContactType::Client);
    // The second Acme deal finds Jonas by email instead of adding him again.
    assert_eq!(deal_named(book, "Acme support plan").contact, jonas.id);
    let cobalt = deal_named(book, "Cobalt licences");
    assert_eq!(cobalt.history.last().unwrap().note, "Price too high");
    assert_eq!(cobalt.stage(), Stage::Lost);
    let borealis = deal_named(book, "Borealis pilot");
    assert_eq!((borealis.value, borealis.stage()), (450_050, step(5)));
    assert_eq!(borealis.expected_close, Some(day("2025-07-15")));
}

#[test]
fn bom_semicolons_day_first_dates_and_report_footers_are_understood() {
    let hubspot = import_guessed(
        &fixture("hubspot_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(hubspot.sniffed.encoding, Encoding::Utf8Bom);
    assert_eq!(hubspot.sniffed.headers[0], "Deal ID");
    let erik = contact_of(
        &hubspot.preview.book_after,
        deal_named(&hubspot.preview.book_after, "Contoso trial"),
    );
    assert_eq!(erik.name, "Olsen, Erik");
    let fabrikam = deal_named(&hubspot.preview.book_after, "Fabrikam expansion");
    assert_eq!((fabrikam.value, fabrikam.stage()), (1_800_000, step(5)));
    assert_eq!(fabrikam.expected_close, Some(day("2025-07-31")));

    let sheet = import_guessed(
        &fixture("spreadsheet_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(sheet.sniffed.delimiter, b';');
    let book = &sheet.preview.book_after;
    let hosting = deal_named(book, "Yearly hosting");
    assert_eq!(
        stages(hosting),
        vec![
            change(step(1), "2025-01-15"),
            change(Stage::Won, "2025-01-28")
        ]
    );
    assert_eq!(deal_named(book, "Shop setup").value, 240_050);
    assert_eq!(
        deal_named(book, "Shop setup").notes,
        "Wants a call; after 5pm"
    );
    assert_eq!(
        contact_of(book, deal_named(book, "Website redesign")).company,
        "Müller & Söhne"
    );

    let sf = import_guessed(
        &fixture("salesforce_opportunities.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(sf.sniffed.rows.len(), 5, "footer lines dropped");
    let book = &sf.preview.book_after;
    let initech = deal_named(book, "Initech - Upsell");
    assert_eq!(
        stages(initech),
        vec![
            change(step(1), "2025-01-09"),
            change(Stage::Won, "2025-03-28")
        ]
    );
    assert_eq!((initech.value, initech.currency.as_str()), (725_000, "USD"));
    assert_eq!(contact_of(book, initech).name, "Initech");
    assert_eq!(deal_named(book, "Wayne - Pilot").stage(), step(4));
    assert_eq!(deal_named(book, "Umbrella - Renewal").stage(), step(6));
}

#[test]
fn contacts_and_activities_import() {
    let got = import_guessed(
        &fixture("hubspot_contacts.csv"),
        Target::Contacts,
        &Book::default(),
    );
    assert_eq!(got.preview.errors, vec![]);
    let kinds: Vec<(String, ContactType)> = got
        .preview
        .book_after
        .contacts
        .iter()
        .map(|c| (c.name.clone(), c.kind()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Ana Lima".into(), ContactType::Client),
            ("Tom Reed".into(), ContactType::Prospect),
            ("Erik Olsen".into(), ContactType::Lead),
            ("Sara Kim".into(), ContactType::Prospect),
        ]
    );
    // Importing the same file again finds everyone already there.
    let again = import_guessed(
        &fixture("hubspot_contacts.csv"),
        Target::Contacts,
        &got.preview.book_after,
    );
    assert_eq!(
        (again.preview.already_there, again.preview.new_contacts),
        (4, 0)
    );

    let deals = import_guessed(
        &fixture("pipedrive_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    let book = deals.preview.book_after;
    let tasks = import_guessed(&fixture("pipedrive_activities.csv"), Target::Tasks, &book);
    assert_eq!(tasks.preview.errors, vec![], "{:?}", tasks.mapping);
    assert_eq!(
        (tasks.preview.new_tasks, tasks.preview.new_contacts),
        (4, 1)
    );
    let after = &tasks.preview.book_after;
    let kickoff = &after.tasks[0];
    assert_eq!(kickoff.deal, Some(deal_named(after, "Acme rollout").id));
    assert_eq!(
        (kickoff.time, kickoff.duration, kickoff.done_on),
        (Some(600), Some(30), Some(day("2025-01-20")))
    );
    assert_eq!(kickoff.tag, Tag::Stage(Stage::Won));
    assert_eq!(kickoff.notes, "Agenda: scope, timeline");
    assert_eq!(after.tasks[3].tag, Tag::Contact(ContactType::Lead));
    assert_eq!(io::validate(after, today()), Ok(()));
}

#[test]
fn exported_csv_imports_back_to_the_same_data() {
    let book = sample_book();
    let contacts = import_guessed(
        io::export_contacts_csv(&book).as_bytes(),
        Target::Contacts,
        &Book::default(),
    );
    assert_eq!(contacts.preview.errors, vec![]);
    for (a, b) in book
        .contacts
        .iter()
        .zip(&contacts.preview.book_after.contacts)
    {
        assert_eq!(
            (
                &a.id,
                &a.name,
                &a.company,
                &a.email,
                &a.phone,
                &a.owner,
                &a.source,
                &a.notes,
                a.kind()
            ),
            (
                &b.id,
                &b.name,
                &b.company,
                &b.email,
                &b.phone,
                &b.owner,
                &b.source,
                &b.notes,
                b.kind()
            )
        );
        // The import enters the type history afresh (its own ids and stamps).
        let last = |c: &Contact| c.types.last().map(|t| (t.kind, t.on));
        assert_eq!(last(a), last(b));
    }
    let deals = import_guessed(
        io::export_deals_csv(&book).as_bytes(),
        Target::Deals,
        &contacts.preview.book_after,
    );
    assert_eq!(deals.preview.errors, vec![], "{:?}", deals.mapping);
    assert_eq!(
        deals.preview.new_contacts, 0,
        "deals find the contacts imported before"
    );
    let after = &deals.preview.book_after;
    for (a, b) in book.deals.iter().zip(&after.deals) {
        assert_eq!(
            (
                &a.id,
                &a.title,
                a.contact,
                &a.owner,
                a.value,
                &a.currency,
                &a.source,
                a.expected_close,
                &a.notes
            ),
            (
                &b.id,
                &b.title,
                b.contact,
                &b.owner,
                b.value,
                &b.currency,
                &b.source,
                b.expected_close,
                &b.notes
            )
        );
        assert_eq!(
            (a.opened(), a.stage(), a.since()),
            (b.opened(), b.stage(), b.since()),
            "{}",
            a.title
        );
        assert_eq!(
            a.history.last().unwrap().note,
            b.history.last().unwrap().note
        );
    }
    let tasks = import_guessed(io::export_tasks_csv(&book).as_bytes(), Target::Tasks, after);
    assert_eq!(tasks.preview.errors, vec![], "{:?}", tasks.mapping);
    for (a, b) in book.tasks.iter().zip(&tasks.preview.book_after.tasks) {
        assert_eq!(
            (
                &a.id, &a.title, a.on, a.time, a.duration, a.kind, a.contact, a.deal, a.done_on,
                &a.notes
            ),
            (
                &b.id, &b.title, b.on, b.time, b.duration, b.kind, b.contact, b.deal, b.done_on,
                &b.notes
            )
        );
    }
}

#[test]
fn encodings_and_delimiters_are_detected() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Name\tEmail\r\nZoë\tz@x.example\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let s = io::sniff(&utf16).unwrap();
    assert_eq!((s.encoding, s.delimiter), (Encoding::Utf16Le, b'\t'));
    assert_eq!(
        s.rows,
        vec![vec!["Zoë".to_string(), "z@x.example".to_string()]]
    );
    assert!(s.encoding_note().is_some());

    let mut be = vec![0xFE, 0xFF];
    be.extend(
        "Name|Email\nZoë|z@x.example\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    let s = io::sniff(&be).unwrap();
    assert_eq!(
        (s.encoding, s.delimiter, s.rows[0][0].as_str()),
        (Encoding::Utf16Be, b'|', "Zoë")
    );

    let latin = io::sniff(b"Name;Company\nRen\xe9;Caf\xe9 \x80\n").unwrap();
    assert_eq!(
        (latin.encoding, latin.delimiter),
        (Encoding::Windows1252, b';')
    );
    assert_eq!(
        latin.rows[0],
        vec!["René".to_string(), "Café €".to_string()]
    );
    assert!(latin.encoding_note().unwrap().contains("Windows-1252"));

    let headless =
        io::sniff(b"Ann Lee,ann@x.example,2025-01-02\nBo,bo@x.example,2025-01-03\n").unwrap();
    assert!(!headless.has_header);
    assert_eq!(headless.headers, vec!["Column 1", "Column 2", "Column 3"]);
    assert_eq!(headless.rows.len(), 2);
    assert_eq!(headless.lines, vec![1, 2]);
}

#[test]
fn dates_are_detected_or_offered_as_a_choice() {
    let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(
        io::detect_date_format(&s(&["2025-01-02", "2025-12-31 10:00"])),
        DateGuess::Iso
    );
    assert_eq!(
        io::detect_date_format(&s(&["01/02/2025", "31/01/2025"])),
        DateGuess::DayFirst
    );
    assert_eq!(
        io::detect_date_format(&s(&["01/02/2025", "12/31/2025"])),
        DateGuess::MonthFirst
    );
    assert_eq!(
        io::detect_date_format(&s(&["01/02/2025", "03/04/2025"])),
        DateGuess::Ambiguous(vec![DateFormat::DayFirst, DateFormat::MonthFirst])
    );
    assert_eq!(io::detect_date_format(&[]), DateGuess::Iso);
}

#[test]
fn stage_names_from_other_crms_are_matched() {
    let values: Vec<String> = [
        "Closed Won",
        "Closed Lost",
        "Engaging",
        "Proposal",
        "negotiation",
        "Appointment Scheduled",
        "Something else",
        "Closed Won",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let guessed = io::guess_stage_mapping(&values, &Process::default());
    let stages: Vec<Option<Stage>> = guessed.iter().map(|(_, s)| *s).collect();
    assert_eq!(
        stages,
        vec![
            Some(Stage::Won),
            Some(Stage::Lost),
            Some(step(2)),
            Some(step(5)),
            Some(step(6)),
            Some(step(3)),
            None
        ]
    );
}

#[test]
fn plain_spreadsheet_headers_are_mapped() {
    let headers: Vec<String> = [
        "Name", "Account", "Rep", "Status", "Amount", "Engaged", "Closed", "Won/Lost", "Phone",
        "Whatever",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(
        io::guess_mapping(&headers, Target::Deals),
        vec![
            Field::Title,
            Field::Company,
            Field::Owner,
            Field::Stage,
            Field::Value,
            Field::Created,
            Field::CloseDate,
            Field::Status,
            Field::Phone,
            Field::Ignore
        ]
    );
}

/// Imports `body` (after a fixed deals header) with the guessed mapping and ISO dates.
fn import_deal_rows(body: &str) -> io::ImportPreview {
    let text = format!("Title,Company,Stage,Value,Created,Close date\n{body}");
    let sniffed = io::sniff(text.as_bytes()).unwrap();
    let mapping = io::guess_mapping(&sniffed.headers, Target::Deals);
    let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &Process::default());
    let mut ids = SeededIds::new(3);
    io::preview(
        &sniffed,
        &choices(Target::Deals, &mapping, DateFormat::Iso, &stages),
        &Book::default(),
        today(),
        &mut ids,
        NOW,
    )
}

#[test]
fn bad_rows_are_reported_by_line_and_left_out() {
    let huge = "x".repeat(10_001);
    let p = import_deal_rows(&format!(
        "Good one,Acme,Won,100,2025-01-01,2025-02-01\n\
         Bad date,Acme,Won,100,2025-01-01,2017-02-31\n\
         \"Multi\nline\",Acme,Lead,1,2025-01-01,\n\
         Future,Acme,Lead,1,2026-01-01,\n\
         Backwards,Acme,Lost,1,2025-03-01,2025-02-01\n\
         Strange,Acme,Limbo,1,2025-01-01,\n\
         Big,{huge},Lead,1,2025-01-01,\n\
         Money,Acme,Lead,lots,2025-01-01,\n\
         ,Acme,Lead,1,2025-01-01,\n\
         Nobody,,Lead,1,2025-01-01,\n"
    ));
    let errors: Vec<String> = p.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        vec![
            "row 3: close date 2017-02-31 is not a date",
            "row 6: created date 2026-01-01 is in the future",
            "row 7: lost date 2025-02-01 is before the created date 2025-03-01",
            "row 8: stage “Limbo” is not matched to a step of your process; choose one in the stage list",
            "row 9: the “Company” cell is 10001 characters long; the most is 10000",
            "row 10: “lots” is not an amount",
            "row 11: the deal has no title",
            "row 12: no contact name, company or email: choose how to bring in deals without a contact, or add a contact column",
        ]
    );
    assert_eq!((p.rows_ok, p.new_deals, p.new_contacts), (2, 2, 1));
    let titles: Vec<&str> = p
        .book_after
        .deals
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Good one", "Multi\nline"]);
    assert_eq!(io::validate(&p.book_after, today()), Ok(()));
}

#[test]
fn unreadable_files_get_clear_messages() {
    assert_eq!(io::sniff(b""), Err(ImportError::Empty));
    assert_eq!(io::sniff(b"\xEF\xBB\xBF \r\n"), Err(ImportError::Empty));
    assert_eq!(io::sniff(b"Name,Email\n"), Err(ImportError::NoRows));
    let binary = io::sniff(b"ab\0cd\x01\x02").unwrap_err();
    assert!(binary.to_string().contains("not a text file"), "{binary}");
    let xlsx = io::sniff(b"PK\x03\x04\x14\0\x06\0").unwrap_err();
    assert!(xlsx.to_string().contains("Excel workbook"), "{xlsx}");
    assert!(ImportError::NoRows.to_string().contains("no data rows"));
}

#[test]
fn ten_thousand_rows_import_quickly() {
    let mut text =
        String::from("Deal name,Company,Contact,Email,Stage,Amount,Create date,Close date\n");
    for i in 0..10_000 {
        let stage = ["Lead", "Proposal", "Closed Won", "Closed Lost"][i % 4];
        let close = if i % 4 >= 2 { "2025-05-01" } else { "" };
        text.push_str(&format!(
            "Deal {i},Company {},Person {},p{}@x.example,{stage},{}.50,2025-0{}-1{},{close}\n",
            i % 900,
            i % 2000,
            i % 2000,
            i * 7 % 100_000,
            1 + i % 4,
            i % 10
        ));
    }
    let start = std::time::Instant::now();
    let got = import_guessed(text.as_bytes(), Target::Deals, &Book::default());
    let elapsed = start.elapsed();
    assert_eq!(got.preview.errors, vec![]);
    assert_eq!(
        (got.preview.new_deals, got.preview.new_contacts),
        (10_000, 2000)
    );
    eprintln!("10,000-row deals import: {elapsed:?}");
    // Generous for debug builds on a shared machine; release is far faster.
    assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");
}

/// A real export's shape: 600 deals, one in six naming no account or contact.
fn export_with_contactless_deals() -> String {
    let mut csv = String::from(
        "Deal - Title,Organization - Name,Deal - Stage,Deal - Value,Deal - Deal created\n",
    );
    for i in 0..600 {
        let company = if i % 6 == 5 {
            String::new()
        } else {
            format!("Firm {i}")
        };
        csv.push_str(&format!(
            "Deal {i},{company},Qualified,{},2025-04-{:02}\n",
            1000 + i,
            1 + i % 28
        ));
    }
    csv
}

fn import_with(csv: &str, contactless: io::Contactless) -> io::ImportPreview {
    let sniffed = io::sniff(csv.as_bytes()).unwrap();
    let mapping = io::guess_mapping(&sniffed.headers, Target::Deals);
    let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &Process::default());
    let choices = io::Choices {
        contactless: &contactless,
        ..choices(Target::Deals, &mapping, DateFormat::Iso, &stages)
    };
    io::preview(
        &sniffed,
        &choices,
        &Book::default(),
        today(),
        &mut SeededIds::new(9),
        NOW,
    )
}

#[test]
fn deals_without_a_contact_come_in_whole_after_one_choice() {
    let csv = export_with_contactless_deals();
    // Left to itself the import skips them, says why, and counts them: 600 ÷ 6 = 100.
    let skipped = import_with(&csv, io::Contactless::Skip);
    assert_eq!(
        (
            skipped.rows_ok,
            skipped.errors.len(),
            skipped.without_contact
        ),
        (500, 100, 100)
    );
    assert!(skipped.errors[0]
        .message
        .contains("choose how to bring in deals without a contact"));

    // One contact per deal, named after it: all 600 deals, 600 contacts.
    let each = import_with(&csv, io::Contactless::NamedAfterDeal);
    assert_eq!(
        (each.rows_ok, each.errors.len(), each.without_contact),
        (600, 0, 100)
    );
    assert_eq!((each.new_deals, each.new_contacts), (600, 600));
    let deal = deal_named(&each.book_after, "Deal 5");
    assert_eq!(contact_of(&each.book_after, deal).name, "Deal 5");
    assert_eq!(io::validate(&each.book_after, today()), Ok(()));
    // They count as new leads like the rest: all 600 entered in April 2025.
    let april = reports::Period::new(day("2025-04-01"), day("2025-04-30"));
    let f = reports::funnel(&each.book_after, &reports::Scope::Everyone, &april, today());
    assert_eq!(f.entered, 600);

    // One named contact for all of them: 500 + 1 contacts.
    let one = import_with(
        &csv,
        io::Contactless::OneContact("Unassigned accounts".into()),
    );
    assert_eq!((one.rows_ok, one.new_contacts), (600, 501));
    let deal = deal_named(&one.book_after, "Deal 11");
    assert_eq!(
        contact_of(&one.book_after, deal).name,
        "Unassigned accounts"
    );
    // …and that contact must have a name.
    let unnamed = import_with(&csv, io::Contactless::OneContact("  ".into()));
    assert_eq!(unnamed.errors.len(), 100);
    assert!(unnamed.errors[0]
        .message
        .contains("enter the name of the contact"));
}

#[test]
fn a_task_names_a_deal_of_its_own_contact() {
    // Two contacts each with a deal titled "Renewal"; a third contact with none.
    let mut book = Book::default();
    let mut ids = SeededIds::new(4);
    for (name, company) in [
        ("Ann Lee", "Acme"),
        ("Bo Kim", "Globex"),
        ("Cy Diaz", "Initech"),
    ] {
        book.contacts
            .push(contact(&mut ids, NOW - 1000, name, company, ""));
    }
    for who in 0..2 {
        let contact = book.contacts[who].id;
        let id = DealId(ids.fresh());
        book.deals.push(Deal {
            id,
            title: "Renewal".into(),
            contact,
            owner: String::new(),
            value: 0,
            currency: "USD".into(),
            source: String::new(),
            expected_close: None,
            notes: String::new(),
            history: history(
                id.0,
                NOW - 900,
                &[change(step(1 + who as u64), "2025-05-01")],
            ),
            hidden: Vec::new(),
            stamps: [NOW - 900; 8],
            edited: NOW - 900,
            removed: 0,
        });
    }
    let tasks = "Subject,Date,Contact,Company,Deal\n\
                 Call,2025-06-01,Bo Kim,Globex,Renewal\n\
                 Call,2025-06-02,Cy Diaz,Initech,Renewal\n\
                 Call,2025-06-03,,,Renewal\n";
    let sniffed = io::sniff(tasks.as_bytes()).unwrap();
    let mapping = io::guess_mapping(&sniffed.headers, Target::Tasks);
    let p = io::preview(
        &sniffed,
        &choices(Target::Tasks, &mapping, DateFormat::Iso, &[]),
        &book,
        today(),
        &mut SeededIds::new(5),
        NOW,
    );
    // Bo's task is on Bo's Renewal (at Prospect, step 2), not Ann's (the first one).
    let bo_task = p
        .book_after
        .tasks
        .iter()
        .find(|t| t.on == day("2025-06-01"))
        .unwrap();
    assert_eq!(bo_task.deal, Some(book.deals[1].id));
    assert_eq!(bo_task.tag, Tag::Stage(step(2)));
    let messages: Vec<&str> = p.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "the deal “Renewal” is not Cy Diaz's; check the task's contact",
            "2 deals are titled “Renewal”; add the contact's name or email to tell them apart",
        ]
    );
}
