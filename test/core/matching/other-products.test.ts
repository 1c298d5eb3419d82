import { describe, expect, it } from '@jest/globals';
import { packagesIn, qualifiersOf } from '../../../src/core/matching/other-products.js';

describe('qualifiersOf', () => {
  it('reads the package a code is a class of', () => {
    expect(qualifiersOf('tokenexpired', 'examplebooks.exceptions.tokenexpired')).toEqual([
      'examplebooks',
    ]);
  });

  it('reads later places of a code that also opens the text', () => {
    expect(
      qualifiersOf('tokenexpired', 'tokenexpired: examplebooks.exceptions.tokenexpired'),
    ).toEqual(['examplebooks']);
  });

  it('reads no product from one part or from the code alone', () => {
    expect(qualifiersOf('tokenexpired', 'tokenexpired')).toEqual([]);
    expect(qualifiersOf('tokenexpired', 'errors.tokenexpired')).toEqual([]);
  });
});

describe('packagesIn', () => {
  it('reads a scoped library by its scope and name', () => {
    expect(packagesIn('at call (/app/node_modules/@acme/sdk/lib/client.js:12:5)')).toEqual([
      '@acme/sdk',
    ]);
    expect(packagesIn('at call (C:\\app\\node_modules\\@acme\\sdk\\lib\\client.js:12:5)')).toEqual([
      '@acme/sdk',
    ]);
  });

  it('reads a gem by its name, not its version or the Ruby version folders', () => {
    expect(
      packagesIn(
        "/usr/local/lib/ruby/gems/3.2.0/gems/examplebooks-1.4.2/lib/examplebooks/client.rb:88:in `call'\n/usr/local/lib/ruby/3.2.0/rubygems/core_ext/kernel_require.rb:85" +
          '\n/home/app/.rvm/gems/ruby-2.5.5/gems/examplebooks-1.4.2/lib/examplebooks.rb:3',
      ),
    ).toEqual(['examplebooks']);
  });

  it('reads no product from a generic HTTP client or web framework', () => {
    expect(
      packagesIn(
        [
          '  File "/usr/lib/python3.11/site-packages/requests/models.py", line 1021, in raise_for_status',
          '  File "/usr/lib/python3.11/site-packages/django/core/handlers/base.py", line 197',
          '  File "/usr/lib/python3.6/site-packages/urllib3-1.25.8-py3.6.egg/urllib3/response.py", line 425',
          '    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)',
          '    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)',
          "/usr/local/bundle/gems/faraday-2.7.4/lib/faraday/response/raise_error.rb:27:in `on_complete'",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
