function n = count(value, fname, what)
%COUNT  A whole number of at least 1, or an error naming WHAT (internal).
if ~(isnumeric(value) && isscalar(value) && isreal(value) && value >= 1 && value == round(value) && isfinite(value))
  error('bigru:invalidArgument', '%s: %s must be a whole number of at least 1', fname, what);
end
n = double(value);
end
