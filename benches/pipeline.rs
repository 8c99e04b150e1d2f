//! In-process benchmarks of every stage of `label`, with the binary's
//! allocator (issue 9 item 6): YAML parse, decode, check, evaluate and
//! render, for one structure and for a network, and the parse floor (the
//! YAML parser alone on the very bytes of the network) beside the full
//! evaluation. Run with `cargo bench --bench pipeline` (a filter such as
//! `cargo bench --bench pipeline -- network` runs one group); set
//! `LABEL_BENCH_STRUCTURES` for another network size than 450. Figures go
//! to docs/performance.md; the whole binary against `cat` is
//! `benches/network.rs`.

mod data;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use rayon::prelude::*;
use serde_saphyr::granit_parser::Parser;

use label::date::Date;
use label::decode::Decoder;
use label::diagnostics::Report;
use label::evaluation::{self, StructureEvaluation};
use label::output::evaluation::{EvaluationView, RenderOptions, ResultFormat};
use label::output::{Color, DiagnosticFormat};
use label::plan::{self, Plan};
use label::referential::{Catalog, Parts, Referential};
use label::self_assessment::{self, SelfAssessment};
use label::source::SourceFile;
use label::structure::{self, Resolver};
use label::validate::{self, Silent};
use label::workspace::Workspace;

// The binary's allocator: stages make many small allocations, and the
// figures must be those of `label` itself.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

static TODAY: LazyLock<Date> = LazyLock::new(|| Date::parse(data::TODAY).expect("a date"));

/// The shipped referential, validated once.
static REFERENTIAL: LazyLock<Referential> =
    LazyLock::new(|| validate_referential(data::REFERENTIAL).expect("the shipped one is valid"));

static GENERATED: LazyLock<String> = LazyLock::new(|| data::referential(5_000));

fn validate_referential(text: &str) -> Option<Referential> {
    let source = SourceFile::new("referentiel.yaml", text);
    label::referential::validate(Parts::single(source, None)).referential
}

const FORMATS: [ResultFormat; 3] = [ResultFormat::Json, ResultFormat::Text, ResultFormat::Csv];

/// Renders an evaluation view into memory, as `label evaluate` writes it.
fn render_view(
    structures: &[StructureEvaluation],
    report: &Report,
    format: ResultFormat,
) -> Vec<u8> {
    let view = EvaluationView {
        network: (structures.len() > 1).then(|| evaluation::network(structures, false, None)),
        anonymous: None,
        structures,
        report,
    };
    let options = RenderOptions {
        width: 100,
        excel: false,
        readable: false,
    };
    let mut out = Vec::new();
    label::output::evaluation::write(&view, format, options, &mut out).expect("in memory");
    out
}

/// The shipped referential (35 criteria) and a generated one (5,000).
mod referential {
    use super::*;

    #[derive(Debug, Clone, Copy)]
    enum Input {
        Livre35,
        Genere5000,
    }

    impl Input {
        fn text(self) -> &'static str {
            match self {
                Input::Livre35 => data::REFERENTIAL,
                Input::Genere5000 => &GENERATED,
            }
        }
    }

    const INPUTS: [Input; 2] = [Input::Livre35, Input::Genere5000];

    #[divan::bench(args = INPUTS)]
    fn parse(bencher: Bencher, input: Input) {
        let text = input.text();
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| label::yaml::parse(text).expect("valid YAML"));
    }

    /// Parse, decode and check: what `label lint` does on one file.
    #[divan::bench(args = INPUTS)]
    fn validate(bencher: Bencher, input: Input) {
        let text = input.text();
        bencher
            .counter(BytesCount::of_str(text))
            .with_inputs(|| Parts::single(SourceFile::new("r.yaml", text), None))
            .bench_values(label::referential::validate);
    }
}

/// One complete structure: `examples/structures/ml-val-de-garonne`.
mod one_structure {
    use super::*;

    #[derive(Debug, Clone, Copy)]
    enum File {
        Autoevaluation,
        Plan,
    }

    impl File {
        fn source(self) -> SourceFile {
            match self {
                File::Autoevaluation => SourceFile::new("a.yaml", data::EXAMPLE_SELF_ASSESSMENT),
                File::Plan => SourceFile::new("p.yaml", data::EXAMPLE_PLAN),
            }
        }
    }

    const FILES: [File; 2] = [File::Autoevaluation, File::Plan];

    static SOURCES: LazyLock<[SourceFile; 2]> = LazyLock::new(|| FILES.map(File::source));

    static MODELS: LazyLock<(SelfAssessment, Plan)> = LazyLock::new(|| {
        let raw = read_self_assessment(&SOURCES[0]);
        let assessment = self_assessment::check(&raw, &REFERENTIAL, *TODAY).0;
        let raw_plan = read_plan(&SOURCES[1]);
        let plan = plan::check(&raw_plan, &REFERENTIAL, *TODAY).0;
        (
            assessment.expect("valid example"),
            plan.expect("valid example"),
        )
    });

    fn read_self_assessment(source: &SourceFile) -> self_assessment::RawSelfAssessment {
        self_assessment::read(&mut Decoder::new(source)).expect("a mapping")
    }

    fn read_plan(source: &SourceFile) -> plan::RawPlan {
        plan::read(&mut Decoder::new(source)).expect("a mapping")
    }

    #[divan::bench(args = FILES)]
    fn parse(bencher: Bencher, file: File) {
        let source = &SOURCES[file as usize];
        bencher
            .counter(BytesCount::of_str(&source.text))
            .bench(|| label::yaml::parse(&source.text).expect("valid YAML"));
    }

    /// Parse and decode into the raw, spanned model.
    #[divan::bench(args = FILES)]
    fn read(bencher: Bencher, file: File) {
        let source = &SOURCES[file as usize];
        bencher
            .counter(BytesCount::of_str(&source.text))
            .bench(|| match file {
                File::Autoevaluation => drop(read_self_assessment(source)),
                File::Plan => drop(read_plan(source)),
            });
    }

    #[divan::bench]
    fn check_autoevaluation(bencher: Bencher) {
        let raw = read_self_assessment(&SOURCES[0]);
        bencher.bench(|| self_assessment::check(&raw, &REFERENTIAL, *TODAY));
    }

    #[divan::bench]
    fn check_plan(bencher: Bencher) {
        let raw = read_plan(&SOURCES[1]);
        bencher.bench(|| plan::check(&raw, &REFERENTIAL, *TODAY));
    }

    /// The folder from disk: read, decode and check its three files, and
    /// look for its evidence files (the referential is cached, as in a run).
    #[divan::bench]
    fn load(bencher: Bencher) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let folder = root.join("structures/ml-val-de-garonne");
        let resolver = Resolver::new(Catalog::new(Some(root.join("referentiels"))));
        let loaded = structure::load(&folder, "s", &resolver, *TODAY);
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        bencher.bench(|| structure::load(&folder, "s", &resolver, *TODAY));
    }

    #[divan::bench]
    fn evaluate(bencher: Bencher) {
        let (assessment, plan) = &*MODELS;
        bencher.bench(|| evaluation::evaluate(&REFERENTIAL, assessment, Some(plan)));
    }

    #[divan::bench(args = FORMATS)]
    fn render(bencher: Bencher, format: ResultFormat) {
        let (assessment, plan) = &*MODELS;
        let one = [StructureEvaluation {
            id: Some(assessment.structure.id.clone()),
            name: Some(assessment.structure.name.clone()),
            region: assessment.structure.region.clone(),
            path: "s".into(),
            referential: Some(REFERENTIAL.id.clone()),
            version: Some(REFERENTIAL.version.to_string()),
            evaluation: Some(evaluation::evaluate(&REFERENTIAL, assessment, Some(plan))),
            diagnostics: Vec::new(),
        }];
        let report = Report::default();
        bencher.bench(|| render_view(&one, &report, format));
    }
}

/// Diagnostics of a broken referential (`tests/fixtures/lint/casse.yaml`),
/// in every format.
mod diagnostics {
    use super::*;

    const FORMATS: [DiagnosticFormat; 7] = [
        DiagnosticFormat::Text,
        DiagnosticFormat::Concise,
        DiagnosticFormat::Json,
        DiagnosticFormat::Github,
        DiagnosticFormat::Sarif,
        DiagnosticFormat::Junit,
        DiagnosticFormat::Gitlab,
    ];

    static REPORT: LazyLock<Report> = LazyLock::new(|| {
        let text = include_str!("../tests/fixtures/lint/casse.yaml");
        let loaded =
            label::referential::validate(Parts::single(SourceFile::new("casse.yaml", text), None));
        let mut report = Report::default();
        for source in loaded.sources {
            report.add_source(source.path, source.text);
        }
        report.extend(loaded.diagnostics);
        report.finish(false);
        report
    });

    #[divan::bench(args = FORMATS)]
    fn render(bencher: Bencher, format: DiagnosticFormat) {
        bencher
            .counter(ItemsCount::new(REPORT.diagnostics().len()))
            .bench(|| {
                label::output::render_diagnostics(&REPORT, format, Color::Never).into_bytes()
            });
    }
}

/// A network of 450 structures (`LABEL_BENCH_STRUCTURES` for another
/// size), written once under `target/tmp`. `parse_floor` parses exactly the
/// bytes that `evaluate` reads, with the same threads: the ratio of the two
/// is what reading, checking, evaluating and writing cost above parsing.
#[divan::bench_group(sample_count = 20)]
mod network {
    use super::*;

    struct Network {
        root: PathBuf,
        /// The bytes of every YAML file a run reads.
        texts: Vec<String>,
        files: Vec<PathBuf>,
    }

    static NETWORK: LazyLock<Network> = LazyLock::new(|| {
        let n = std::env::var("LABEL_BENCH_STRUCTURES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(450);
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pipeline-{n}"));
        let _ = std::fs::remove_dir_all(&root);
        data::write_network(&root, n);
        let files = data::yaml_files(&root);
        let texts = files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("readable"))
            .collect();
        Network { root, texts, files }
    });

    fn bytes() -> BytesCount {
        BytesCount::new(NETWORK.texts.iter().map(String::len).sum::<usize>())
    }

    fn workspace() -> Workspace {
        Workspace::discover(&NETWORK.root).expect("the generated workspace")
    }

    /// Everything `label evaluate --format json` does after parsing its
    /// arguments, output into memory.
    fn evaluate_all(workspace: &Workspace) -> Vec<u8> {
        let (report, structures) = evaluation::evaluate_all(workspace, &[], *TODAY, &Silent);
        assert_eq!(report.error_count(), 0, "{:?}", report.diagnostics());
        render_view(&structures, &report, ResultFormat::Json)
    }

    /// The parse floor: the YAML parser alone (its event stream, no tree)
    /// on the bytes `evaluate` reads, in memory.
    #[divan::bench]
    fn parse_floor(bencher: Bencher) {
        bencher.counter(bytes()).bench(|| {
            NETWORK
                .texts
                .par_iter()
                .all(|t| Parser::new_from_str(t).all(|event| event.is_ok()))
        });
    }

    /// `label::yaml::parse`: the events made into a spanned tree.
    #[divan::bench]
    fn parse_tree(bencher: Bencher) {
        bencher.counter(bytes()).bench(|| {
            NETWORK
                .texts
                .par_iter()
                .all(|t| label::yaml::parse(t).is_ok())
        });
    }

    /// The same files read from disk (page cache) and parsed.
    #[divan::bench]
    fn read_and_parse(bencher: Bencher) {
        bencher.counter(bytes()).bench(|| {
            NETWORK.files.par_iter().all(|f| {
                let text = std::fs::read_to_string(f).expect("readable");
                label::yaml::parse(&text).is_ok()
            })
        });
    }

    /// Finding the structure folders: a serial walk before the parallel
    /// part.
    #[divan::bench]
    fn find(bencher: Bencher) {
        let workspace = workspace();
        bencher.bench(|| validate::find_structures(&workspace, &[], &mut Report::default()));
    }

    /// `label validate`: find, read, decode and check every folder.
    #[divan::bench]
    fn validate(bencher: Bencher) {
        let workspace = workspace();
        let keep = |_: &structure::StructureFolder| Some(());
        bencher.counter(bytes()).bench(|| {
            validate::validate(&workspace, &[], *TODAY, &Silent, &keep);
        });
    }

    /// The full `label evaluate --format json`, output into memory.
    #[divan::bench]
    fn evaluate(bencher: Bencher) {
        let workspace = workspace();
        bencher.counter(bytes()).bench(|| evaluate_all(&workspace));
    }

    #[divan::bench(args = FORMATS)]
    fn render(bencher: Bencher, format: ResultFormat) {
        let workspace = workspace();
        let (report, structures) = evaluation::evaluate_all(&workspace, &[], *TODAY, &Silent);
        bencher.bench(|| render_view(&structures, &report, format));
    }
}
