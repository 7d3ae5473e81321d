function file = fileName(file, fname, argument)
%FILENAME  FILE as a character row, which must name a file (internal); ARGUMENT names it in the message.
if isa(file, 'string') && isscalar(file)
  file = char(file);
end
if ~ischar(file) || isempty(file) || size(file, 1) ~= 1
  bigru.internal.fail(fname, 'invalidValue', '%s must be a file name', argument);
end
end
