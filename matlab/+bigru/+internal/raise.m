function raise(err)
%RAISE  Raises ERR as an error of the public function that calls this (internal): MATLAB's throwAsCaller, and in
%   Octave, which has none, the error with the stack from that function outward. Users see the public function,
%   never bigru's internal helpers, where the error comes from.
if exist('OCTAVE_VERSION', 'builtin') ~= 0
  error(struct('message', err.message, 'identifier', err.identifier, 'stack', dbstack(1)));
end
throwAsCaller(MException(err.identifier, '%s', err.message));
end
