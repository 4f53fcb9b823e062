#!/usr/bin/env node
// Reads each BPMN file with bpmn-moddle (the parser of bpmn.io and Camunda Modeler) and lints
// it with bpmnlint's recommended rules, the checks those tools show as errors and warnings.
// Prints one JSON object: {"files": [{"file", "moddle_warnings", "errors", "warnings"}]}.
// Exit status 0 when every file was read (findings are in the JSON), 2 when one could not be.
'use strict';

const fs = require('fs');
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function check(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const moddle = new BpmnModdle();
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const linter = new Linter({
    config: { extends: 'bpmnlint:recommended' },
    resolver: new NodeResolver()
  });
  const reports = await linter.lint(rootElement);
  const errors = [];
  const lintWarnings = [];
  for (const [rule, found] of Object.entries(reports)) {
    for (const report of found) {
      const entry = { rule, id: report.id || null, message: report.message };
      (report.category === 'error' || report.category === 'rule-error' ? errors : lintWarnings)
        .push(entry);
    }
  }
  return {
    file,
    moddle_warnings: warnings.map((warning) => warning.message),
    errors,
    warnings: lintWarnings
  };
}

async function main() {
  const files = process.argv.slice(2);
  if (!files.length) {
    process.stderr.write('usage: node check.js FILE.bpmn...\n');
    process.exit(2);
  }
  const results = [];
  for (const file of files) {
    try {
      results.push(await check(file));
    } catch (error) {
      process.stderr.write(`${file}: ${error.message}\n`);
      process.exit(2);
    }
  }
  process.stdout.write(JSON.stringify({ files: results }) + '\n');
}

main();
