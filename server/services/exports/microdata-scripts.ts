// Syntax files that read microdata.csv with its design: R (survey), Stata (svyset, value labels) and SPSS (labels, complex-samples plan).
import type { Language } from '../reports/report-types.ts';
import type { MicrodataColumn, MicrodataLayout } from './microdata-columns.ts';

/** What every syntax file states about the export it belongs to. */
export interface ScriptContext {
  studyId: string;
  waveName: string;
  lang: Language;
  /** The CSV's file name, as downloaded. */
  csvFile: string;
}

const numeric = /^-?\d+(\.\d+)?$/;

/** A column's options are all numbers (ratings, Likert codes): the variable is numeric. */
function numericOptions(column: Extract<MicrodataColumn, { kind: 'single' }>): boolean {
  return column.row.options.every((o) => numeric.test(o.value));
}

const rString = (text: string) => JSON.stringify(text);

/**
 * An R script reproducing the platform's national design-weighted percentages from the CSV:
 * `svydesign(ids = ~1, strata = ~agency, fpc = ~stratum_N)` with `survey.lonely.psu =
 * "adjust"`; each single-choice variable's share of every codebook option over those who
 * answered it, and each multi-select option's share over those who answered the question,
 * estimated as domains of the full design (never by dropping rows). Writes
 * `question,option,estimate,se` to the file named by its second argument (default
 * `microdata-national.csv`).
 *
 * @example
 * writeFileSync('microdata.R', microdataR(layout, context));
 * // Rscript microdata.R microdata.csv national.csv
 */
export function microdataR(layout: MicrodataLayout, context: ScriptContext): string {
  const singles = layout.columns.filter((c) => c.kind === 'single');
  const multis = new Map<string, string[]>();
  for (const column of layout.columns) {
    if (column.kind !== 'multi') continue;
    multis.set(column.row.variable, [...(multis.get(column.row.variable) ?? []), column.option]);
  }
  const list = (entries: [string, string[]][]) =>
    entries.length === 0
      ? 'list()'
      : `list(\n${entries
          .map(([name, options]) => `  ${rString(name)} = c(${options.map(rString).join(', ')})`)
          .join(',\n')}\n)`;
  return `# microdata.R: reads ${context.csvFile} (study ${context.studyId}, wave ${context.waveName}) with its design
# and reproduces the platform's national design-weighted percentages and standard errors.
# Usage: Rscript microdata.R [${context.csvFile}] [microdata-national.csv]
# Needs R's survey package (Debian: r-cran-survey; elsewhere install.packages("survey")).
suppressPackageStartupMessages(library(survey))
# An agency with a single respondent contributes its deviation from 0, as the platform does.
options(survey.lonely.psu = "adjust")

args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else ${rString(context.csvFile)}
output <- if (length(args) >= 2) args[2] else "microdata-national.csv"

d <- read.csv(input, fileEncoding = "UTF-8-BOM", colClasses = "character",
              na.strings = "", check.names = FALSE)
for (v in intersect(c("stratum_N", "design_weight", "raked_weight"), names(d))) d[[v]] <- as.numeric(d[[v]])

# Stratified by agency, finite-population correction from the agency headcount N_h;
# the design weight N_h / n_h follows from it (it equals the design_weight column).
des <- svydesign(ids = ~1, strata = ~agency, fpc = ~stratum_N, data = d)

# Single-choice variables (and matrix rows) with their codebook options.
singles <- ${list(singles.map((c) => [c.name, c.row.options.map((o) => o.value)]))}
# Multi-select questions: their 0/1 option columns are named <question>_<option>.
multis <- ${list([...multis])}

share <- function(v, y) {
  # The base is everyone who answered: a domain of the full design, never a subset of rows.
  base <- des[!is.na(des$variables[[v]]), ]
  base <- update(base, .y = y[!is.na(des$variables[[v]])])
  m <- svymean(~.y, base)
  c(coef(m)[[1]], SE(m)[[1]])
}
rows <- list()
for (v in names(singles)) {
  for (k in singles[[v]]) {
    y <- as.numeric(des$variables[[v]] == k)
    r <- if (all(is.na(y))) c(NA, NA) else share(v, y)
    rows[[length(rows) + 1]] <- data.frame(question = v, option = k, estimate = r[1], se = r[2])
  }
}
for (q in names(multis)) {
  first <- paste0(q, "_", multis[[q]][1])
  for (k in multis[[q]]) {
    column <- paste0(q, "_", k)
    y <- as.numeric(des$variables[[column]])
    r <- if (all(is.na(y))) c(NA, NA) else share(first, y)
    rows[[length(rows) + 1]] <- data.frame(question = q, option = k, estimate = r[1], se = r[2])
  }
}
national <- do.call(rbind, rows)
write.csv(format(national, digits = 17), output, row.names = FALSE)
cat("wrote", nrow(national), "national estimates to", output, "\\n")
`;
}

/** A name Stata and SPSS accept: letters, digits and `_`, starting with a letter, at most 32 characters, unique. */
function safeNames(columns: readonly MicrodataColumn[]): string[] {
  const used = new Set<string>();
  return columns.map((column) => {
    let name = column.name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(name)) name = `v_${name}`;
    name = name.slice(0, 32);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${name.slice(0, 28)}_${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const stataText = (text: string, max = 80) => `"${text.replace(/["`$\\]/g, "'").slice(0, max)}"`;
const spssText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A Stata do-file: imports the CSV by position (column names are made Stata-safe: `F.F1`
 * becomes `F_F1`), labels variables, turns single-choice text codes into numbered values with
 * value labels (numeric codes keep their numbers), and declares the design: `svyset _n
 * [pweight = design_weight], strata(stratum) fpc(stratum_N) singleunit(centered)`, so
 * `svy: proportion` gives the platform's national percentages.
 *
 * @example
 * writeFileSync('microdata.do', microdataStata(layout, context));
 */
export function microdataStata(layout: MicrodataLayout, context: ScriptContext): string {
  const names = safeNames(layout.columns);
  const lines = [
    `* microdata.do: reads ${context.csvFile} (study ${context.studyId}, wave ${context.waveName}) with labels and the survey design.`,
    `import delimited using "${context.csvFile}", varnames(nonames) rowrange(2) encoding("utf-8") bindquote(strict) stringcols(_all) clear`,
  ];
  layout.columns.forEach((column, i) => {
    lines.push(`rename v${i + 1} ${names[i]}`);
    lines.push(`label variable ${names[i]} ${stataText(column.label[context.lang])}`);
  });
  layout.columns.forEach((column, i) => {
    const name = names[i] as string;
    if (
      column.kind === 'stratum_N' ||
      column.kind === 'design_weight' ||
      column.kind === 'raked_weight' ||
      column.kind === 'multi'
    ) {
      lines.push(`destring ${name}, replace`);
      if (column.kind === 'multi') {
        lines.push(`label define yesno 0 "0" 1 "1", replace`, `label values ${name} yesno`);
      }
      return;
    }
    if (column.kind !== 'single') return;
    const label = `${name.slice(0, 28)}_lbl`;
    if (numericOptions(column)) {
      lines.push(`destring ${name}, replace`);
      const pairs = column.row.options.map((o) => `${o.value} ${stataText(o.label[context.lang])}`);
      lines.push(
        `label define ${label} ${pairs.join(' ')}, replace`,
        `label values ${name} ${label}`,
      );
      return;
    }
    lines.push(`generate int ${name}_c = .`);
    column.row.options.forEach((o, k) =>
      lines.push(`replace ${name}_c = ${k + 1} if ${name} == ${stataText(o.value, 244)}`),
    );
    const pairs = column.row.options.map((o, k) => `${k + 1} ${stataText(o.label[context.lang])}`);
    lines.push(
      `label define ${label} ${pairs.join(' ')}, replace`,
      `drop ${name}`,
      `rename ${name}_c ${name}`,
      `label values ${name} ${label}`,
      `label variable ${name} ${stataText(column.label[context.lang])}`,
    );
  });
  lines.push(
    'encode agency, generate(stratum)',
    '* An agency with one respondent is centred at the grand mean, as R survey.lonely.psu = "adjust".',
    'svyset _n [pweight = design_weight], strata(stratum) fpc(stratum_N) singleunit(centered)',
    '* For example: svy: proportion B1',
    '',
  );
  return lines.join('\n');
}

/**
 * SPSS syntax: reads the CSV by position (Stata-safe names, as in the do-file) with variable
 * and value labels, as LimeSurvey's SPSS export does, and writes a complex-samples plan
 * (strata agency, equal-probability sampling without replacement, population size
 * stratum_N) for CSTABULATE.
 *
 * @example
 * writeFileSync('microdata.sps', microdataSpss(layout, context));
 */
export function microdataSpss(layout: MicrodataLayout, context: ScriptContext): string {
  const names = safeNames(layout.columns);
  const format = (column: MicrodataColumn): string => {
    switch (column.kind) {
      case 'agency':
        return 'A64';
      case 'stratum_N':
        return 'F12.0';
      case 'design_weight':
      case 'raked_weight':
        return 'F24.15';
      case 'multi':
        return 'F1.0';
      case 'text':
        return 'A4000';
      case 'single':
        return numericOptions(column) ? 'F8.0' : 'A64';
    }
  };
  const lines = [
    `* microdata.sps: reads ${context.csvFile} (study ${context.studyId}, wave ${context.waveName}) with labels and the survey design.`,
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE='${context.csvFile}'`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...layout.columns.map((column, i) => `    ${names[i]} ${format(column)}`),
    '.',
    'VARIABLE LABELS',
    layout.columns
      .map((column, i) => `  ${names[i]} ${spssText(column.label[context.lang])}`)
      .join('\n  /'),
    '.',
  ];
  const valueLabels: string[] = [];
  layout.columns.forEach((column, i) => {
    if (column.kind === 'multi') valueLabels.push(`  ${names[i]} 0 '0' 1 '1'`);
    if (column.kind !== 'single') return;
    const quoted = !numericOptions(column);
    const pairs = column.row.options.map(
      (o) => `${quoted ? spssText(o.value) : o.value} ${spssText(o.label[context.lang])}`,
    );
    valueLabels.push(`  ${names[i]} ${pairs.join(' ')}`);
  });
  if (valueLabels.length > 0) lines.push('VALUE LABELS', valueLabels.join('\n  /'), '.');
  lines.push(
    "CSPLAN ANALYSIS /PLAN FILE='microdata.csaplan'",
    '  /PLANVARS ANALYSISWEIGHT=design_weight',
    '  /DESIGN STRATA=agency',
    '  /ESTIMATOR TYPE=EQUAL_WOR',
    '  /POPSIZE VARIABLE=stratum_N.',
    "* For example: CSTABULATE /PLAN FILE='microdata.csaplan' /TABLES VARIABLES=B1 /CELLS TABLEPCT /STATISTICS SE CIN(95).",
    'EXECUTE.',
    '',
  );
  return lines.join('\n');
}
