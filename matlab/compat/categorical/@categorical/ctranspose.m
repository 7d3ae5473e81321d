function c = ctranspose(c)
%CTRANSPOSE  c'
c.codes = c.codes.';
end
