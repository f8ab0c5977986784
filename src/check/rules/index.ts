/**
 * Every rule the content check applies, in one list (what a rule is: ./rule.ts). `npm run check
 * -- --list` prints it, content/README.md's error table is written from it (a unit test compares
 * them), and a unit test runs each rule's failing example.
 *
 * To add a rule: one file in this folder exporting a `Rule` (a `report` function if the check is
 * to run it), and one line below. The order is the error table's.
 */
import type { Problem } from '../../lib/problems.ts';
import { bodyTodo } from './body-todo.ts';
import { headingStructure, linkSchemes, literalLessThan, nestingDepth, noCode, onlyEd, schemeForOtherSites, tagsClosed } from './body.ts';
import { captureOfAReport, frontmatterClosed, insideContent, linkToNothing, noYamlAliases, reportFileName, utf8 } from './files.ts';
import { imageAltRule, imageFolderRule, imageFormatRule, imageMissingRule, imageRemoteRule, imageSizeRule } from './images.ts';
import { fieldType, knownField, noControlCharacters, quotedDate } from './frontmatter.ts';
import { linkToDraft, linkToHeading, linkToPage } from './links.ts';
import { eventYearCity, knownId, publishedNearEvent, publishedNotFuture, registryIds, sectionsAreHeadings, taxonomyLists, talkAtEvent, toolsMatchText } from './references.ts';
import { needsTopic } from './needs-topic.ts';
import { capturedChrome } from './captured-chrome.ts';
import { pageChrome } from './page-chrome.ts';
import type { ReportContext, Rule } from './rule.ts';
import { summaryTodo } from './summary-todo.ts';

export const rules: Rule[] = [
  knownId,
  eventYearCity,
  toolsMatchText,
  sectionsAreHeadings,
  talkAtEvent,
  registryIds,
  fieldType,
  knownField,
  quotedDate,
  publishedNearEvent,
  publishedNotFuture,
  noControlCharacters,
  nestingDepth,
  tagsClosed,
  noCode,
  literalLessThan,
  linkSchemes,
  schemeForOtherSites,
  linkToPage,
  linkToHeading,
  linkToDraft,
  onlyEd,
  headingStructure,
  imageRemoteRule,
  imageFolderRule,
  imageMissingRule,
  imageAltRule,
  imageFormatRule,
  imageSizeRule,
  reportFileName,
  captureOfAReport,
  utf8,
  frontmatterClosed,
  insideContent,
  linkToNothing,
  noYamlAliases,
  taxonomyLists,
  summaryTodo,
  needsTopic,
  pageChrome,
  capturedChrome,
  bodyTodo,
];

/** The problems of one report under every rule the check runs itself. */
export function reportProblems(report: ReportContext): Problem[] {
  return rules.flatMap((rule) => rule.report?.(report).map((p) => ({ file: report.file, ...p })) ?? []);
}

/** `npm run check -- --list`: one rule a line, its id and what it checks. */
export function listRules(): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(width)}  ${r.checks}`).join('\n');
}

/** content/README.md's table of what the errors mean, one row a rule. */
export function errorTable(): string {
  return ['| rule | message (shortened) | what to do |', '| --- | --- | --- |', ...rules.map((r) => `| \`${r.id}\` | ${r.help.shown} | ${r.help.fix} |`)].join('\n');
}

export type { Rule, ReportContext } from './rule.ts';
