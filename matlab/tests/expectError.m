function err = expectError(f, pattern, identifier)
%EXPECTERROR  F() must raise an error whose message matches the regular expression PATTERN and, when given, whose
%   identifier is IDENTIFIER; returns the error.
try
  f();
catch err
  if isempty(regexp(err.message, pattern, 'once'))
    error('test:wrongError', 'expected an error matching "%s", got "%s"', pattern, err.message);
  end
  if nargin > 2 && ~strcmp(err.identifier, identifier)
    error('test:wrongIdentifier', 'expected the identifier %s, got %s (for "%s")', identifier, err.identifier, ...
          err.message);
  end
  return
end
error('test:noError', 'expected an error matching "%s", but none was raised', pattern);
end
