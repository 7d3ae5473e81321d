function check(condition, varargin)
%CHECK  Fails the test with the formatted message unless CONDITION holds.
if ~condition
  error('test:check', varargin{:});
end
end
