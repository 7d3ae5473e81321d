function expectError(f, pattern)
%EXPECTERROR  F() must raise an error whose message matches the regular expression PATTERN.
try
  f();
catch err
  if isempty(regexp(err.message, pattern, 'once'))
    error('test:wrongError', 'expected an error matching "%s", got "%s"', pattern, err.message);
  end
  return
end
error('test:noError', 'expected an error matching "%s", but none was raised', pattern);
end
