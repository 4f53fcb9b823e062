#!/usr/bin/env node
// Draws a BPMN file as bpmn.io draws it (bpmn-js's viewer in headless Chromium) and writes a
// PNG: node render.js IN.bpmn OUT.png [CHROMIUM]. For the picture in docs/export.md only.
'use strict';

const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

async function main() {
  const [input, output, browserPath = '/usr/bin/chromium'] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: node render.js IN.bpmn OUT.png [CHROMIUM]\n');
    process.exit(2);
  }
  const xml = fs.readFileSync(input, 'utf8');
  const viewer = path.join(__dirname, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');
  const css = path.join(__dirname, 'node_modules/bpmn-js/dist/assets/bpmn-js.css');
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu']
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
    await page.setContent('<html><body style="margin:0"><div id="canvas"></div></body></html>');
    await page.addStyleTag({ path: css });
    await page.addScriptTag({ path: viewer });
    const size = await page.evaluate(async (diagram) => {
      const bpmnViewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await bpmnViewer.importXML(diagram);
      const { svg } = await bpmnViewer.saveSVG();
      document.body.innerHTML = svg;
      const element = document.body.firstElementChild;
      return {
        warnings: warnings.length,
        width: Math.ceil(parseFloat(element.getAttribute('width'))),
        height: Math.ceil(parseFloat(element.getAttribute('height')))
      };
    }, xml);
    await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: 1 });
    await page.screenshot({ path: output, clip: { x: 0, y: 0, width: size.width, height: size.height } });
    process.stdout.write(JSON.stringify(size) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
