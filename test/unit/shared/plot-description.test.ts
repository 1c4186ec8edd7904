/** A plot's text item says what the chart shows, for a screen reader and Accessible View. */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language/runtime/session';
import { displayText } from '../../../src/shared/display-text';
import { outputItems } from '../../../src/shared/output-items';
import { TEXT_MIME } from '../../../src/shared/output';

const text = (source: string): string => displayText(new Session().run(source).display);

describe('shared/plot-description', () => {
  it('names the curves and the range, each curve\'s values, steps where they are, and the kinks', () => {
    assert.equal(text('plot(relu, gelu)'), [
      "plot of relu, relu', gelu, gelu' over x from -5 to 5",
      '  relu: from 0 to 5',
      "  relu': 0 for x < 0, 1 for x > 0",
      '  gelu: from -0.17 to 5',
      "  gelu': from -0.129 to 1.13",
      '  kink at x = 0',
    ].join('\n'));
    assert.match(text("plot(hardtanh')"), /hardtanh': 0 for x < -1, 1 for x from -1 to 1, 0 for x > 1\n {2}kinks at x = -1, 1$/);
    assert.match(text("plot(sigmoid', from=-2, to=2)"), /^plot of sigmoid' over x from -2 to 2\n {2}sigmoid': from 0\.105 to 0\.25$/);
  });

  it('is the text item of a plot output', () => {
    const items = outputItems(new Session().run('plot(tanh)').display);
    assert.match(String(items.find((i) => i.mime === TEXT_MIME)?.data), /^plot of tanh, tanh' over x from -5 to 5\n {2}tanh: from -1 to 1/);
  });
});
